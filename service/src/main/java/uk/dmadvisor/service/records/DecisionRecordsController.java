package uk.dmadvisor.service.records;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import uk.dmadvisor.api.DecisionRecordsApi;
import uk.dmadvisor.api.model.DecisionRecord;
import uk.dmadvisor.api.model.RecordVerification;

@RestController
class DecisionRecordsController implements DecisionRecordsApi {

    private final RecordVerifier verifier;

    DecisionRecordsController(RecordVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public ResponseEntity<RecordVerification> verifyDecisionRecord(DecisionRecord record) {
        return ResponseEntity.ok(verifier.verify(record));
    }
}
