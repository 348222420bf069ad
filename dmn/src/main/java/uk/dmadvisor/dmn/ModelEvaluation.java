package uk.dmadvisor.dmn;

import java.util.List;
import java.util.NoSuchElementException;

/** Everything one evaluation of a model produced, in the order the decisions stand in the model file. */
public record ModelEvaluation(ModelSource model, List<DecisionOutcome> decisions, List<EngineMessage> messages) {

    public DecisionOutcome decision(String name) {
        return decisions.stream().filter(d -> d.decisionName().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("Model " + model.name() + " has no decision " + name));
    }
}
