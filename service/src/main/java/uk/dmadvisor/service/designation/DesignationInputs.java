package uk.dmadvisor.service.designation;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import uk.dmadvisor.api.model.ActivityFacts;
import uk.dmadvisor.api.model.Administration;
import uk.dmadvisor.api.model.Benefit;
import uk.dmadvisor.api.model.CentralSupply;
import uk.dmadvisor.api.model.ClaimedBenefit;
import uk.dmadvisor.api.model.DesignationAssessmentRequest;
import uk.dmadvisor.api.model.Justification;
import uk.dmadvisor.api.model.ManufacturingPlan;
import uk.dmadvisor.api.model.ModularUnit;
import uk.dmadvisor.api.model.PatientMaterial;
import uk.dmadvisor.api.model.PointOfCareFacts;
import uk.dmadvisor.api.model.ShelfLife;
import uk.dmadvisor.api.model.Siting;

/**
 * Maps an API request onto the input data of {@code designation.dmn}, name for name. No judgement happens here:
 * a section the request leaves out (allowed when the local activity is preparation) gives empty inputs, which the
 * model reports as not assessed; each claimed benefit becomes the plain inputs of its kind, and a kind not claimed
 * becomes "not claimed". Which kinds count as cost, and what each fact means, is decided in the model.
 */
public final class DesignationInputs {

    private DesignationInputs() {
    }

    public static Map<String, Object> from(DesignationAssessmentRequest request) {
        Map<String, Object> in = new HashMap<>();
        in.put("Product type", request.getProduct().getProductType().getValue());
        in.put("Authorisation route", request.getProduct().getAuthorisationRoute().getValue());
        ActivityFacts activity = request.getActivity();
        in.put("Local activity", activity.getLocalActivity().getValue());
        in.put("Pharmacist-supervised preparation", activity.getPharmacistSupervisedPreparation());
        in.put("Custom-made for individual patients", activity.getCustomMadeForIndividualPatients());
        pointOfCare(request.getPointOfCare(), in);
        manufacturing(request.getManufacturing(), in);
        benefits(request.getJustification(), in);
        Optional<Siting> siting = Optional.ofNullable(request.getSiting());
        in.put("Control site location", siting.map(s -> s.getControlSiteLocation().getValue()).orElse(null));
        in.put("Spoke site locations", siting.map(s -> s.getSpokeSiteLocations().getValue()).orElse(null));
        in.put("Control site certified", siting.map(Siting::getControlSiteCertified).orElse(null));
        return in;
    }

    private static void pointOfCare(PointOfCareFacts poc, Map<String, Object> in) {
        Optional<PointOfCareFacts> facts = Optional.ofNullable(poc);
        Optional<ShelfLife> shelfLife = facts.map(PointOfCareFacts::getShelfLife);
        in.put("Shelf life minutes", shelfLife.map(s -> number(s.getMinutes())).orElse(null));
        in.put("Shelf life kind", shelfLife.map(s -> s.getKind().getValue()).orElse(null));
        in.put("Shelf life basis", shelfLife.map(s -> s.getBasis().getValue()).orElse(null));
        in.put("Can be stabilised", shelfLife.map(s -> s.getCanBeStabilised().getValue()).orElse(null));
        Optional<CentralSupply> supply = facts.map(PointOfCareFacts::getCentralSupply);
        in.put("Existing licensed supplier", supply.map(s -> s.getExistingSupplier().getValue()).orElse(null));
        in.put("Release minutes", supply.map(s -> number(s.getReleaseMinutes())).orElse(null));
        in.put("Real-time release possible", supply.map(s -> s.getRealTimeRelease().getValue()).orElse(null));
        in.put("Transport minutes", supply.map(s -> number(s.getTransportMinutes())).orElse(null));
        in.put("Patient-specific starting material", facts.map(PointOfCareFacts::getPatientSpecificStartingMaterial).orElse(null));
        Optional<PatientMaterial> material = facts.map(PointOfCareFacts::getPatientMaterial);
        in.put("Starting material transportable", material.map(m -> m.getTransportable().getValue()).orElse(null));
        in.put("Material transport evidence", material.map(PatientMaterial::getTransportEvidence).map(e -> e.getValue()).orElse(null));
        in.put("Central round trip minutes", material.map(PatientMaterial::getCentralRoundTripMinutes).map(DesignationInputs::number).orElse(null));
        in.put("Clinical window minutes", material.map(PatientMaterial::getClinicalWindowMinutes).map(DesignationInputs::number).orElse(null));
        Optional<Administration> administration = facts.map(PointOfCareFacts::getAdministration);
        in.put("Administered from manufacturing equipment", administration.map(Administration::getFromManufacturingEquipment).orElse(null));
        in.put("Minutes from manufacture to administration", administration.map(a -> number(a.getMinutesAfterManufacture())).orElse(null));
        in.put("Whole batch administered", administration.map(Administration::getWholeBatchAdministered).orElse(null));
    }

    private static void manufacturing(ManufacturingPlan plan, Map<String, Object> in) {
        Optional<ManufacturingPlan> facts = Optional.ofNullable(plan);
        in.put("Manufacturing setting", facts.map(p -> p.getSetting().getValue()).orElse(null));
        in.put("Quality data", facts.map(p -> p.getQualityData().getValue()).orElse(null));
        Optional<ModularUnit> unit = facts.map(ManufacturingPlan::getModularUnit);
        in.put("Unit relocatable", unit.map(ModularUnit::getRelocatable).orElse(null));
        in.put("Unit deployment", unit.map(u -> u.getDeployment().getValue()).orElse(null));
        in.put("Deployment reason", unit.map(u -> u.getDeploymentReason().getValue()).orElse(null));
        in.put("Local manufacture reason", unit.map(u -> u.getLocalManufactureReason().getValue()).orElse(null));
    }

    /** One entry per kind (the consistency rules reject a kind claimed twice), mapped to that kind's inputs. */
    private static void benefits(Justification justification, Map<String, Object> in) {
        Map<Benefit, ClaimedBenefit> byKind = new EnumMap<>(Benefit.class);
        List<ClaimedBenefit> claimed = justification == null || justification.getBenefits() == null
                ? List.of() : justification.getBenefits();
        claimed.forEach(b -> byKind.putIfAbsent(b.getKind(), b));
        Function<Benefit, Optional<ClaimedBenefit>> kind = k -> Optional.ofNullable(byKind.get(k));

        Optional<ClaimedBenefit> timeliness = kind.apply(Benefit.TIMELINESS_OF_ACCESS);
        in.put("Timeliness claimed", timeliness.isPresent());
        in.put("Time saved minutes", timeliness.map(ClaimedBenefit::getTimeSavedMinutes).map(DesignationInputs::number).orElse(null));
        in.put("Delay consequence", timeliness.map(ClaimedBenefit::getDelayConsequence).map(c -> c.getValue()).orElse(null));
        in.put("Timeliness evidence", timeliness.map(ClaimedBenefit::getEvidence).map(e -> e.getValue()).orElse(null));

        Optional<ClaimedBenefit> access = kind.apply(Benefit.EQUITY_OF_ACCESS);
        in.put("Access claimed", access.isPresent());
        in.put("Patients gaining access", access.map(ClaimedBenefit::getPatientsGainingAccess).map(g -> g.getValue()).orElse(null));
        in.put("Access evidence", access.map(ClaimedBenefit::getEvidence).map(e -> e.getValue()).orElse(null));

        Optional<ClaimedBenefit> outcomes = kind.apply(Benefit.IMPROVED_CLINICAL_OUTCOMES);
        in.put("Outcomes claimed", outcomes.isPresent());
        in.put("Outcome mechanism", outcomes.map(ClaimedBenefit::getMechanism).map(m -> m.getValue()).orElse(null));
        in.put("Outcome evidence", outcomes.map(ClaimedBenefit::getEvidence).map(e -> e.getValue()).orElse(null));

        in.put("Lower cost of goods claimed", byKind.containsKey(Benefit.LOWER_COST_OF_GOODS));
        in.put("Lower logistics cost claimed", byKind.containsKey(Benefit.LOWER_LOGISTICS_COST));
        in.put("Commercial advantage claimed", byKind.containsKey(Benefit.COMMERCIAL_ADVANTAGE));
    }

    private static BigDecimal number(Double value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }
}
