package uk.dmadvisor.service.questionnaires;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import uk.dmadvisor.api.QuestionnairesApi;
import uk.dmadvisor.api.model.Questionnaire;
import uk.dmadvisor.api.model.QuestionnaireSummary;

@RestController
class QuestionnairesController implements QuestionnairesApi {

    static final String LIST = "/api/v1/questionnaires";

    private final Questionnaires questionnaires;

    QuestionnairesController(Questionnaires questionnaires) {
        this.questionnaires = questionnaires;
    }

    @Override
    public ResponseEntity<List<QuestionnaireSummary>> listQuestionnaires() {
        return ResponseEntity.ok(questionnaires.all().stream()
                .map(q -> new QuestionnaireSummary().model(q.getModel()).modelVersion(q.getModelVersion())
                        .endpoint(q.getEndpoint()).href(LIST + "/" + q.getModel()))
                .toList());
    }

    @Override
    public ResponseEntity<Questionnaire> getQuestionnaire(String model) {
        return ResponseEntity.ok(questionnaires.of(model));
    }
}
