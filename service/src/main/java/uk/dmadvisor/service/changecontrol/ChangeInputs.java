package uk.dmadvisor.service.changecontrol;

import java.util.HashMap;
import java.util.Map;

import uk.dmadvisor.api.model.Change;
import uk.dmadvisor.api.model.ChangeProduct;

/** Maps one change of a request onto the input data of {@code change-control.dmn}, name for name. */
final class ChangeInputs {

    private ChangeInputs() {
    }

    static Map<String, Object> from(ChangeProduct product, Change change) {
        Map<String, Object> in = new HashMap<>();
        in.put("Category", change.getCategory().getValue());
        in.put("Within master file", change.getWithinMasterFile().getValue());
        in.put("Within authorisation", change.getWithinAuthorisation().getValue());
        in.put("Quality impact", change.getQualityImpact().getValue());
        in.put("Comparability data needed", change.getComparabilityDataNeeded());
        in.put("Affects designation basis", change.getAffectsDesignationBasis());
        in.put("IA conditions met", Boolean.TRUE.equals(change.getIaConditionsMet()));
        in.put("Biological or ATMP", product.getBiologicalOrAtmp());
        in.put("Official batch release", Boolean.TRUE.equals(product.getOfficialBatchRelease()));
        in.put("Authorisation status", product.getAuthorisationStatus().getValue());
        return in;
    }
}
