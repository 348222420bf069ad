package uk.dmadvisor.service.changecontrol;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import uk.dmadvisor.api.model.Change;
import uk.dmadvisor.api.model.ChangeProduct;
import uk.dmadvisor.api.model.DesignationBasis;

/**
 * Maps the product and one change of a request onto the input data of {@code change-control.dmn}, name for name.
 * No judgement happens here. As the contract says, a yes/no/unknown answer or a document statement that is left out
 * (or sent as null) is UNKNOWN, and an unanswered "under an approved protocol" is false. The one derived input, the
 * role of the sites a change names, is read from the request's own site list.
 */
final class ChangeInputs {

    private static final String UNKNOWN = "UNKNOWN";

    private ChangeInputs() {
    }

    static Map<String, Object> from(ChangeProduct product, Change change, String controlSiteId) {
        DesignationBasis basis = product.getDesignationBasis();
        Map<String, Object> in = new HashMap<>();
        in.put("Designation", product.getDesignation().getValue());
        in.put("Authorisation status", product.getAuthorisationStatus().getValue());
        in.put("Biological or ATMP", product.getBiologicalOrAtmp());
        in.put("Pharmaceutical form", product.getPharmaceuticalForm().getValue());
        in.put("Complex manufacturing process", product.getComplexManufacturingProcess());
        in.put("Herbal product", product.getHerbal());
        in.put("Active substance sterile", product.getActiveSubstanceSterile());
        in.put("Official batch release", product.getOfficialBatchRelease());
        in.put("Authorisation names the spokes", product.getAuthorisationNamesSpokes());
        in.put("Designation ground", basis.getGround().getValue());
        in.put("Central supply minutes", number(basis.getCentralSupplyMinutes()));

        in.put("Subject", change.getSubject().getValue());
        in.put("Action", change.getAction().getValue());
        in.put("Authorisation dossier", answer(change.getAuthorisationDossier()));
        in.put("Master file", answer(change.getMasterFile()));
        in.put("Under approved protocol", Boolean.TRUE.equals(change.getUnderApprovedProtocol()));
        in.put("Site role", change.getSiteIds().contains(controlSiteId) ? "CONTROL_SITE" : "SPOKE");
        in.put("Site function", value(change.getSiteFunction()));
        in.put("Follows master-file process", answer(change.getFollowsMasterFileProcess()));
        in.put("Material", value(change.getMaterial()));
        in.put("Supplier activity", value(change.getSupplierActivity()));
        in.put("Same pharmaceutical group", answer(change.getSameGroup()));
        in.put("Supported by an ASMF", answer(change.getSupportedByAsmf()));
        in.put("Different route or conditions", answer(change.getDifferentRouteOrConditions()));
        in.put("Viral or TSE assessment needed", answer(change.getViralOrTseAssessmentNeeded()));
        in.put("Specifications and methods identical", answer(change.getSpecificationsAndMethodsIdentical()));
        in.put("Method transfer completed", answer(change.getMethodTransferCompleted()));
        in.put("Critical parameter", answer(change.getCriticalParameter()));
        in.put("Earlier commitment", answer(change.getFromEarlierCommitment()));
        in.put("Unexpected events", answer(change.getFromUnexpectedEvents()));
        in.put("Test procedure unchanged", answer(change.getTestProcedureUnchanged()));
        in.put("Novel technique", answer(change.getNovelTechnique()));
        in.put("Biological method", answer(change.getBiologicalMethod()));
        in.put("Genotoxic impurity", answer(change.getGenotoxicImpurity()));
        in.put("Impurity or dissolution parameter", answer(change.getImpurityOrDissolutionParameter()));
        in.put("Approved batch size", number(change.getApprovedBatchSize()));
        in.put("New batch size", number(change.getNewBatchSize()));
        in.put("Only scale-driven changes", answer(change.getOnlyScaleDrivenChanges()));
        in.put("Batches meeting specification at new size", number(change.getBatchesMeetingSpecAtNewSize()));
        in.put("Reproducibility unaffected", answer(change.getReproducibilityUnaffected()));
        in.put("Specifications unchanged", answer(change.getSpecificationsUnchanged()));
        in.put("Current size from Type IA", answer(change.getCurrentSizeFromTypeIa()));
        in.put("Bioequivalence study needed", answer(change.getBioequivalenceStudyNeeded()));
        in.put("Impurity or property change", answer(change.getImpurityProfileOrPropertiesChange()));
        in.put("Same intermediates and reagents", answer(change.getSameIntermediatesAndReagents()));
        in.put("ASMF restricted part", answer(change.getAsmfRestrictedPart()));
        in.put("Parameter assessed as no impact", answer(change.getParameterAssessedNoImpact()));
        in.put("Same manufacturing principle", answer(change.getSameManufacturingPrincipleAndSteps()));
        in.put("In-process controls sufficient", answer(change.getInProcessControlsSufficient()));
        in.put("Product quality identical", answer(change.getProductQualityIdentical()));
        in.put("Stability batches", number(change.getStabilityBatches()));
        in.put("Stability months", number(change.getStabilityMonths()));
        in.put("Non-standard sterilisation", answer(change.getNonStandardTerminalSterilisation()));
        in.put("Overage introduced", answer(change.getActiveSubstanceOverage()));
        in.put("Initial inspection needed", answer(change.getInitialInspectionNeeded()));
        in.put("Recent satisfactory inspection", answer(change.getRecentSatisfactoryInspection()));
        in.put("Site authorised", answer(change.getSiteAuthorised()));
        in.put("Validation in place", answer(change.getValidationInPlace()));
        in.put("Release site in the UK", answer(change.getBatchReleaseSiteInUk()));
        in.put("Testing site remains", answer(change.getTestingSiteRemains()));
        in.put("Other site same function", answer(change.getOtherSiteSameFunction()));
        in.put("Critical deficiency", answer(change.getDueToCriticalDeficiency()));
        in.put("Same site and operations", answer(change.getSameSiteAndOperations()));
        in.put("Alternative procedure authorised", answer(change.getAlternativeProcedureAuthorised()));
        in.put("Alternative added by Type IA", answer(change.getAlternativeAddedByTypeIa()));
        in.put("Equivalence validated", answer(change.getEquivalenceValidated()));
        in.put("Impurity limits unchanged", answer(change.getImpurityLimitsUnchanged()));
        in.put("Same analytical method", answer(change.getSameAnalyticalMethod()));
        in.put("Less protective pack", answer(change.getLessProtectivePack()));
        in.put("More protective pack", answer(change.getMoreProtectivePack()));
        in.put("Same container type", answer(change.getSameContainerType()));
        in.put("Packaging material equivalent", answer(change.getPackagingMaterialEquivalent()));
        in.put("Remaining presentations fit dosing", answer(change.getRemainingPresentationsFitDosing()));
        in.put("Shelf life of", value(change.getShelfLifeOf()));
        in.put("Extension support", value(change.getExtensionSupport()));
        in.put("Studies per approved protocol", answer(change.getStudiesPerApprovedProtocol()));
        in.put("Stability protocol relaxed", answer(change.getStabilityProtocolRelaxed()));
        in.put("New shelf life minutes", number(change.getNewShelfLifeMinutes()));
        in.put("Material transportable after change", answer(change.getStartingMaterialTransportableAfterChange()));
        in.put("Integral to administration after change", answer(change.getIntegralToAdministrationAfterChange()));
        in.put("New setting", value(change.getNewSetting()));
        in.put("Design space scope", value(change.getDesignSpaceScope()));
        in.put("Protocol strategy kept", answer(change.getProtocolStrategyKept()));
        in.put("Further data needed", answer(change.getFurtherSupportiveDataNeeded()));
        in.put("In line with protocol", answer(change.getFullyInLineWithProtocol()));
        return in;
    }

    /** The enum's contract value, or null when the field is absent. */
    private static String value(Object enumValue) {
        return enumValue == null ? null : enumValue.toString();
    }

    /** A yes/no/unknown answer or document statement; absent means UNKNOWN, as the contract says. */
    private static String answer(Object enumValue) {
        return enumValue == null ? UNKNOWN : enumValue.toString();
    }

    private static BigDecimal number(Number number) {
        return number == null ? null : new BigDecimal(number.toString());
    }
}
