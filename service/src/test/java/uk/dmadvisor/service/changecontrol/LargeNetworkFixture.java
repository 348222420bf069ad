package uk.dmadvisor.service.changecontrol;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import uk.dmadvisor.api.model.AuthorisationRoute;
import uk.dmadvisor.api.model.Change;
import uk.dmadvisor.api.model.ChangeAction;
import uk.dmadvisor.api.model.ChangeAssessmentRequest;
import uk.dmadvisor.api.model.ChangeProduct;
import uk.dmadvisor.api.model.ChangeSubject;
import uk.dmadvisor.api.model.DesignationBasis;
import uk.dmadvisor.api.model.DesignationGround;
import uk.dmadvisor.api.model.DossierStatement;
import uk.dmadvisor.api.model.PharmaceuticalForm;
import uk.dmadvisor.api.model.Site;
import uk.dmadvisor.api.model.TriState;

/**
 * A large, fully known request for an autologous CAR-T: one control site and {@code spokes} active spokes, and
 * {@code changes} changes in a fixed rotation of four kinds, each applied to every spoke, so the right answer can be
 * stated up front: a like-for-like equipment change (local PQS), a process parameter the master file fixes inside the
 * MA's range (master-file update), a tightened specification meeting every B.II.d.1(a) condition (Type IA) and a change
 * to a facility the MA describes, which no guideline entry covers (Art 3 default, Type IB).
 */
public final class LargeNetworkFixture {

    private LargeNetworkFixture() {
    }

    public static ChangeAssessmentRequest request(int changes, int spokes) {
        List<Site> sites = new ArrayList<>();
        sites.add(new Site().id("HUB").role(Site.RoleEnum.CONTROL_SITE).status(Site.StatusEnum.ACTIVE));
        Set<String> spokeIds = new LinkedHashSet<>();
        for (int s = 1; s <= spokes; s++) {
            String id = String.format("SPOKE-%03d", s);
            spokeIds.add(id);
            sites.add(new Site().id(id).role(Site.RoleEnum.SPOKE).status(Site.StatusEnum.ACTIVE));
        }
        List<Change> list = new ArrayList<>();
        for (int c = 0; c < changes; c++) {
            Change change = new Change().id(String.format("CC-%04d", c)).siteIds(new LinkedHashSet<>(spokeIds));
            switch (c % 4) {
                case 0 -> change.subject(ChangeSubject.EQUIPMENT_OR_FACILITY).action(ChangeAction.REPLACE)
                        .authorisationDossier(DossierStatement.WITHIN_STATED_RANGE)
                        .masterFile(DossierStatement.WITHIN_STATED_RANGE);
                case 1 -> change.subject(ChangeSubject.PROCESS).action(ChangeAction.MODIFY)
                        .authorisationDossier(DossierStatement.WITHIN_STATED_RANGE)
                        .masterFile(DossierStatement.STATES_WHAT_CHANGES)
                        .startingMaterialTransportableAfterChange(TriState.NO);
                case 2 -> change.subject(ChangeSubject.SPECIFICATION).action(ChangeAction.TIGHTEN)
                        .authorisationDossier(DossierStatement.STATES_WHAT_CHANGES)
                        .masterFile(DossierStatement.STATES_WHAT_CHANGES)
                        .fromEarlierCommitment(TriState.NO).fromUnexpectedEvents(TriState.NO)
                        .testProcedureUnchanged(TriState.YES);
                default -> change.subject(ChangeSubject.EQUIPMENT_OR_FACILITY).action(ChangeAction.REPLACE)
                        .authorisationDossier(DossierStatement.STATES_WHAT_CHANGES)
                        .masterFile(DossierStatement.STATES_WHAT_CHANGES);
            }
            list.add(change);
        }
        return new ChangeAssessmentRequest()
                .product(new ChangeProduct().name("Autologous CAR-T").designation(ChangeProduct.DesignationEnum.POC)
                        .authorisationStatus(AuthorisationRoute.MARKETING_AUTHORISATION).biologicalOrAtmp(true)
                        .pharmaceuticalForm(PharmaceuticalForm.STERILE).complexManufacturingProcess(false).herbal(false)
                        .activeSubstanceSterile(false).officialBatchRelease(false).authorisationNamesSpokes(false)
                        .designationBasis(new DesignationBasis().ground(DesignationGround.PATIENT_SPECIFIC_MATERIAL)
                                .indication("Relapsed or refractory B-cell acute lymphoblastic leukaemia")
                                .patientPopulation("Adults after two or more lines of therapy")))
                .sites(sites)
                .changes(list);
    }
}
