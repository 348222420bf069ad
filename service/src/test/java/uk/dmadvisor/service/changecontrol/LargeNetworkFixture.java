package uk.dmadvisor.service.changecontrol;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import uk.dmadvisor.api.model.AuthorisationRoute;
import uk.dmadvisor.api.model.Change;
import uk.dmadvisor.api.model.ChangeAssessmentRequest;
import uk.dmadvisor.api.model.ChangeCategory;
import uk.dmadvisor.api.model.ChangeProduct;
import uk.dmadvisor.api.model.Site;
import uk.dmadvisor.api.model.TriState;

/**
 * A large, fully known request: one control site and {@code spokes} active spokes, and {@code changes} changes
 * in a fixed rotation of four kinds, each applied to every spoke, so the right answer can be stated up front:
 * like-for-like equipment (local PQS), a master-file process change (master-file update), a tightened
 * specification meeting the IA conditions (Type IA) and an unforeseen facility change (Type IB).
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
            Change change = new Change().id(String.format("CC-%04d", c)).siteIds(new LinkedHashSet<>(spokeIds))
                    .comparabilityDataNeeded(false).affectsDesignationBasis(false).qualityImpact(Change.QualityImpactEnum.MINOR);
            switch (c % 4) {
                case 0 -> change.category(ChangeCategory.EQUIPMENT).withinMasterFile(TriState.YES)
                        .withinAuthorisation(TriState.YES).qualityImpact(Change.QualityImpactEnum.NONE);
                case 1 -> change.category(ChangeCategory.PROCESS_PARAMETER).withinMasterFile(TriState.NO)
                        .withinAuthorisation(TriState.YES);
                case 2 -> change.category(ChangeCategory.SPECIFICATION).withinMasterFile(TriState.NO)
                        .withinAuthorisation(TriState.NO).iaConditionsMet(true);
                default -> change.category(ChangeCategory.FACILITY_OR_UTILITIES).withinMasterFile(TriState.NO)
                        .withinAuthorisation(TriState.NO);
            }
            list.add(change);
        }
        return new ChangeAssessmentRequest()
                .product(new ChangeProduct().name("Autologous CAR-T").designation(ChangeProduct.DesignationEnum.POC)
                        .biologicalOrAtmp(true).authorisationStatus(AuthorisationRoute.MARKETING_AUTHORISATION))
                .sites(sites)
                .changes(list);
    }
}
