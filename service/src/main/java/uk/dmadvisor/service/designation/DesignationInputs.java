package uk.dmadvisor.service.designation;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import uk.dmadvisor.api.model.DesignationAssessmentRequest;
import uk.dmadvisor.api.model.Justification;
import uk.dmadvisor.api.model.ManufacturingPlan;
import uk.dmadvisor.api.model.PointOfCareFacts;

/**
 * Maps an API request onto the input data of {@code designation.dmn}, name for name. No judgement happens here:
 * an absent justification becomes "no benefits claimed, nothing established", which the model reports as MISSING.
 */
public final class DesignationInputs {

    private DesignationInputs() {
    }

    public static Map<String, Object> from(DesignationAssessmentRequest request) {
        PointOfCareFacts poc = request.getPointOfCare();
        ManufacturingPlan plan = request.getManufacturing();
        Justification justification = request.getJustification();
        Map<String, Object> in = new HashMap<>();
        in.put("Product type", request.getProduct().getProductType().getValue());
        in.put("Authorisation route", request.getProduct().getAuthorisationRoute().getValue());
        in.put("Shelf life minutes", BigDecimal.valueOf(poc.getShelfLifeMinutes()));
        in.put("Central supply minutes", BigDecimal.valueOf(poc.getCentralSupplyMinutes()));
        in.put("Patient-specific starting material", poc.getPatientSpecificStartingMaterial());
        in.put("Starting material transportable",
                poc.getStartingMaterialTransportable() == null ? null : poc.getStartingMaterialTransportable().getValue());
        in.put("Manufacture integral to administration", poc.getManufactureIntegralToAdministration());
        in.put("Manufacturing setting", plan.getSetting().getValue());
        in.put("Deployment reasons", values(plan.getDeploymentReasons()));
        in.put("Claimed benefits", justification == null ? List.of() : values(justification.getBenefits()));
        in.put("Benefit tied to indication and population",
                justification != null && justification.getTiedToIndicationAndPopulation());
        in.put("Benefit needs decentralised manufacture",
                justification != null && justification.getNeedsDecentralisedManufacture());
        in.put("Quality data available", justification != null && justification.getQualityDataAvailable());
        in.put("Clinical data available", justification != null && justification.getClinicalDataAvailable());
        in.put("Control site location", request.getSiting().getControlSiteLocation().getValue());
        in.put("Spoke site locations", request.getSiting().getSpokeSiteLocations().getValue());
        return in;
    }

    private static List<String> values(Collection<?> items) {
        return items == null ? List.of() : items.stream().map(Object::toString).toList();
    }
}
