package uk.dmadvisor.service.questionnaires;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import uk.dmadvisor.api.model.Questionnaire;
import uk.dmadvisor.dmn.ClasspathModels;
import uk.dmadvisor.dmn.ContentHash;
import uk.dmadvisor.dmn.DecisionModels;
import uk.dmadvisor.dmn.ModelSource;
import uk.dmadvisor.service.DmAdvisorProperties;

/**
 * The question catalogues kept beside the DMN models ({@code models/*.questions.yaml}), read strictly into the
 * contract's Questionnaire shape. A catalogue that names no loaded model, or another version of it, stops startup.
 */
@Component
public class Questionnaires {

    private final Map<String, Questionnaire> byModel = new LinkedHashMap<>();

    Questionnaires(DmAdvisorProperties properties, DecisionModels models) {
        String pattern = properties.models().questions();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        for (ClasspathModels.RawFile file : ClasspathModels.read(pattern)) {
            Questionnaire questionnaire;
            try {
                questionnaire = yaml.readValue(file.content(), Questionnaire.class);
            } catch (IOException e) {
                throw new UncheckedIOException("Question catalogue " + file.fileName() + " cannot be read", e);
            }
            ModelSource model = models.sources().stream()
                    .filter(m -> m.name().equals(questionnaire.getModel())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Question catalogue " + file.fileName()
                            + " names the model '" + questionnaire.getModel() + "', which is not loaded"));
            if (!model.version().equals(questionnaire.getModelVersion())) {
                throw new IllegalStateException("Question catalogue " + file.fileName() + " is for version "
                        + questionnaire.getModelVersion() + " of " + model.name() + ", but version " + model.version()
                        + " is loaded");
            }
            questionnaire.setSha256(ContentHash.sha256(file.content()));
            byModel.put(questionnaire.getModel(), questionnaire);
        }
    }

    public Collection<Questionnaire> all() {
        return byModel.values();
    }

    public Questionnaire of(String model) {
        Questionnaire questionnaire = byModel.get(model);
        if (questionnaire == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No decision model is named '" + model
                    + "'; the questionnaires are listed at " + QuestionnairesController.LIST);
        }
        return questionnaire;
    }
}
