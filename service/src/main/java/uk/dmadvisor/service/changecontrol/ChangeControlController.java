package uk.dmadvisor.service.changecontrol;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import uk.dmadvisor.api.ChangeControlApi;
import uk.dmadvisor.api.model.AnswerView;
import uk.dmadvisor.api.model.ChangeAssessment;
import uk.dmadvisor.api.model.ChangeAssessmentRequest;

@RestController
class ChangeControlController implements ChangeControlApi {

    private final ChangeControlAdvisor advisor;

    ChangeControlController(ChangeControlAdvisor advisor) {
        this.advisor = advisor;
    }

    @Override
    public ResponseEntity<ChangeAssessment> assessChanges(ChangeAssessmentRequest request, AnswerView view) {
        return ResponseEntity.ok(advisor.assess(request, view));
    }
}
