package uk.dmadvisor.dmn;

import java.util.List;

/** The engine reported errors: the evaluation must not be returned as if it had succeeded. */
public class ModelEvaluationException extends RuntimeException {

    private final transient List<EngineMessage> messages;

    public ModelEvaluationException(String modelName, List<EngineMessage> messages) {
        super("Evaluation of model " + modelName + " failed: " + messages);
        this.messages = List.copyOf(messages);
    }

    public List<EngineMessage> messages() {
        return messages;
    }
}
