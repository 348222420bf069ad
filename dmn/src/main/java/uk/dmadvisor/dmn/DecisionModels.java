package uk.dmadvisor.dmn;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;

import javax.xml.namespace.QName;

import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.backend.marshalling.v1x.DMNMarshallerFactory;
import org.kie.dmn.model.api.Decision;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.Definitions;
import org.kie.kogito.dmn.DMNKogito;
import org.kie.kogito.dmn.DmnDecisionModel;

import uk.dmadvisor.dmn.compiled.CompiledModel;

/**
 * The compiled DMN models of the product, loaded from {@code models/*.dmn} on the classpath, with their hashes,
 * their decision tables as data, and an evaluator that reports which rows matched.
 */
public final class DecisionModels {

    /** The extension attribute in which a model file declares its own version. */
    public static final QName VERSION_ATTRIBUTE = new QName("https://dmadvisor.uk/dmn/extensions", "version");
    /** The extension attribute listing a decision table's favourable outcomes. */
    public static final QName FAVOURABLE_ATTRIBUTE = new QName("https://dmadvisor.uk/dmn/extensions", "favourable");
    public static final String DEFAULT_PATTERN = "classpath*:models/*.dmn";

    /**
     * How decisions are evaluated. COMPILED (the default) runs the tables compiled by {@link CompiledModel}; KIE runs
     * the engine's interpreter; CHECKED runs both on every evaluation and fails if they differ in any value, matched
     * row or message (the tests run in this mode, so every case proves the two agree).
     */
    public enum Engine { COMPILED, KIE, CHECKED }

    private final Engine engine;
    private final Map<String, ModelSource> sources = new LinkedHashMap<>();
    private final Map<String, Definitions> definitions = new LinkedHashMap<>();
    private final Map<String, DmnDecisionModel> kieModels = new LinkedHashMap<>();
    private final Map<String, CompiledModel> compiledModels = new LinkedHashMap<>();
    private final Map<String, List<DecisionTableView>> tables = new LinkedHashMap<>();
    private final Map<String, RuleRow> rowsById = new LinkedHashMap<>();
    private final MatchedRuleRecorder recorder = new MatchedRuleRecorder();
    private final Alternatives alternatives = new Alternatives();
    private Alternatives.FeelTester feelTester;

    private DecisionModels(List<ClasspathModels.RawFile> files, Engine engine) {
        if (files.isEmpty()) {
            throw new IllegalStateException("No DMN model files found");
        }
        this.engine = engine;
        Map<String, String> fileByModel = new LinkedHashMap<>();
        // Parsing the XML is most of the start; the files are independent, so they are parsed side by side.
        List<Definitions> parsed = files.parallelStream().map(DecisionModels::read).toList();
        for (int i = 0; i < files.size(); i++) {
            ClasspathModels.RawFile file = files.get(i);
            Definitions model = parsed.get(i);
            String version = model.getAdditionalAttributes().get(VERSION_ATTRIBUTE);
            if (version == null || version.isBlank()) {
                throw new IllegalStateException("Model " + file.fileName() + " declares no dma:version");
            }
            if (definitions.putIfAbsent(model.getName(), model) != null) {
                throw new IllegalStateException("Two model files are named " + model.getName());
            }
            fileByModel.put(model.getName(), file.fileName());
            sources.put(model.getName(), new ModelSource(file.fileName(), ModelSource.Kind.DMN, model.getName(), version,
                    ContentHash.sha256(file.content()), file.content()));
            List<DecisionTableView> modelTables = readTables(model);
            tables.put(model.getName(), modelTables);
            modelTables.forEach(t -> t.rows().forEach(r -> {
                if (rowsById.putIfAbsent(r.ruleId(), r) != null) {
                    throw new IllegalStateException("Rule id " + r.ruleId() + " is used twice");
                }
            }));
            if (engine != Engine.KIE) {
                compiledModels.put(model.getName(), CompiledModel.compile(model));
            }
        }
        if (engine != Engine.COMPILED) {
            compileWithKie(files, fileByModel);
        }
    }

    private static Definitions read(ClasspathModels.RawFile file) {
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(file.content()), StandardCharsets.UTF_8)) {
            Definitions model = DMNMarshallerFactory.newDefaultMarshaller().unmarshal(reader);
            if (model == null) {
                throw new IllegalStateException("Model file " + file.fileName() + " is not a DMN model");
            }
            return model;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Model file " + file.fileName() + " cannot be read", e);
        }
    }

    private void compileWithKie(List<ClasspathModels.RawFile> files, Map<String, String> fileByModel) {
        Reader[] readers = files.stream()
                .map(f -> new InputStreamReader(new ByteArrayInputStream(f.content()), StandardCharsets.UTF_8))
                .toArray(Reader[]::new);
        DMNRuntime runtime = DMNKogito.createGenericDMNRuntime(Set.of(), false, readers);
        runtime.addListener(recorder);
        for (String name : fileByModel.keySet()) {
            DMNModel model = runtime.getModels().stream().filter(m -> m.getName().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Model file " + fileByModel.get(name) + " did not compile"));
            List<String> errors = model.getMessages(DMNMessage.Severity.ERROR).stream().map(DMNMessage::getText).toList();
            if (!errors.isEmpty()) {
                throw new IllegalStateException("Model " + fileByModel.get(name) + " has errors: " + errors);
            }
            kieModels.put(name, new DmnDecisionModel(runtime, model.getNamespace(), model.getName()));
        }
    }

    public static DecisionModels fromClasspath(String pattern, Engine engine) {
        return new DecisionModels(ClasspathModels.read(pattern), engine);
    }

    private static List<DecisionTableView> readTables(Definitions model) {
        List<DecisionTableView> views = new ArrayList<>();
        for (var element : model.getDrgElement()) {
            if (element instanceof Decision decision && decision.getExpression() instanceof DecisionTable table) {
                List<String> labels = table.getInput().stream().map(i -> i.getLabel()).toList();
                List<String> expressions = table.getInput().stream().map(i -> i.getInputExpression().getText()).toList();
                List<String> annotationNames = table.getAnnotation().stream().map(a -> a.getName().toLowerCase()).toList();
                List<RuleRow> rows = new ArrayList<>();
                int number = 1;
                for (var rule : table.getRule()) {
                    Function<String, String> annotation = name -> {
                        int col = annotationNames.indexOf(name);
                        return col < 0 || col >= rule.getAnnotationEntry().size() ? ""
                                : rule.getAnnotationEntry().get(col).getText().trim();
                    };
                    rows.add(new RuleRow(rule.getId(), model.getName(), decision.getName(), number++,
                            rule.getInputEntry().stream().map(e -> e.getText().trim()).toList(),
                            rule.getOutputEntry().stream().map(e -> e.getText().trim()).toList(),
                            annotation.apply("citation"), annotation.apply("basis"), annotation.apply("explanation")));
                }
                List<String> outputs = table.getOutput().stream()
                        .map(o -> o.getName() == null ? decision.getName() : o.getName()).toList();
                String favourable = table.getAdditionalAttributes().get(FAVOURABLE_ATTRIBUTE);
                views.add(new DecisionTableView(model.getName(), decision.getName(), table.getHitPolicy().value(),
                        labels, expressions, outputs, favourable == null || favourable.isBlank() ? Set.of()
                        : Set.of(favourable.split("\\s*,\\s*")), List.copyOf(rows)));
            }
        }
        return List.copyOf(views);
    }

    public Collection<ModelSource> sources() {
        return sources.values();
    }

    public ModelSource source(String modelName) {
        ModelSource source = sources.get(modelName);
        if (source == null) {
            throw new NoSuchElementException("No model named " + modelName);
        }
        return source;
    }

    public DecisionTableView table(String modelName, String decisionName) {
        return tables(modelName).stream().filter(t -> t.decisionName().equals(decisionName)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("Model " + modelName + " has no table " + decisionName));
    }

    public List<DecisionTableView> tables(String modelName) {
        return tables.getOrDefault(modelName, List.of());
    }

    public Collection<RuleRow> allRows() {
        return rowsById.values();
    }

    public RuleRow row(String ruleId) {
        return rowsById.get(ruleId);
    }

    /** Evaluates every decision of a model. Engine errors are thrown, never returned as empty values. */
    public ModelEvaluation evaluate(String modelName, Map<String, Object> inputs) {
        if (!definitions.containsKey(modelName)) {
            throw new NoSuchElementException("No model named " + modelName);
        }
        return switch (engine) {
            case COMPILED -> evaluateCompiled(modelName, inputs);
            case KIE -> evaluateWithKie(modelName, inputs);
            case CHECKED -> checked(modelName, inputs);
        };
    }

    private ModelEvaluation evaluateCompiled(String modelName, Map<String, Object> inputs) {
        CompiledModel.Result result;
        try {
            result = compiledModels.get(modelName).evaluate(inputs);
        } catch (CompiledModel.EvaluationFailure failure) {
            throw new ModelEvaluationException(modelName, failure.messages().stream()
                    .map(m -> new EngineMessage("ERROR", m, null)).toList());
        }
        return outcomes(modelName, result.values(), result.matched(), List.of());
    }

    private ModelEvaluation evaluateWithKie(String modelName, Map<String, Object> inputs) {
        DmnDecisionModel model = kieModels.get(modelName);
        recorder.start();
        DMNResult result;
        Map<String, List<String>> recorded;
        try {
            result = model.evaluateAll(model.newContext(inputs));
        } finally {
            recorded = recorder.finish();
        }
        List<EngineMessage> messages = result.getMessages().stream()
                .map(m -> new EngineMessage(m.getSeverity().name(), m.getText(), m.getSourceId()))
                .toList();
        if (result.hasErrors()) {
            throw new ModelEvaluationException(modelName, messages);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        result.getDecisionResults().forEach(r -> values.put(r.getDecisionName(), r.getResult()));
        return outcomes(modelName, values, recorded, messages);
    }

    /** Both evaluators on the same inputs: they must fail together or agree in every value, row and message. */
    private ModelEvaluation checked(String modelName, Map<String, Object> inputs) {
        ModelEvaluation compiled = null;
        ModelEvaluation kie = null;
        ModelEvaluationException compiledFailure = null;
        ModelEvaluationException kieFailure = null;
        try {
            compiled = evaluateCompiled(modelName, inputs);
        } catch (ModelEvaluationException e) {
            compiledFailure = e;
        }
        try {
            kie = evaluateWithKie(modelName, inputs);
        } catch (ModelEvaluationException e) {
            kieFailure = e;
        }
        if ((compiledFailure == null) != (kieFailure == null)) {
            throw new IllegalStateException("The compiled evaluator and the KIE engine disagree on whether model "
                    + modelName + " can decide " + inputs + ": compiled " + (compiledFailure == null ? "succeeded"
                    : compiledFailure.getMessage()) + "; KIE " + (kieFailure == null ? "succeeded" : kieFailure.getMessage()));
        }
        if (kieFailure != null) {
            throw kieFailure;
        }
        if (!compiled.equals(kie)) {
            throw new IllegalStateException("The compiled evaluator and the KIE engine disagree on model " + modelName
                    + " for " + inputs + ":\ncompiled " + compiled + "\nKIE      " + kie);
        }
        return kie;
    }

    /** The outcome of every decision in file order; a table (other than COLLECT) that matched nothing is an error. */
    private ModelEvaluation outcomes(String modelName, Map<String, Object> values, Map<String, List<String>> matched,
                                     List<EngineMessage> messages) {
        List<EngineMessage> unmatched = tables(modelName).stream()
                .filter(t -> !"COLLECT".equals(t.hitPolicy()) && matched.getOrDefault(t.decisionName(), List.of()).isEmpty())
                .map(t -> new EngineMessage("ERROR", "No rule of decision '" + t.decisionName()
                        + "' matched the inputs; the model cannot decide this case", null))
                .toList();
        if (!unmatched.isEmpty()) {
            List<EngineMessage> all = new ArrayList<>(messages);
            all.addAll(unmatched);
            throw new ModelEvaluationException(modelName, all);
        }
        List<DecisionOutcome> outcomes = new ArrayList<>();
        for (var element : definitions.get(modelName).getDrgElement()) {
            if (element instanceof Decision decision) {
                List<RuleRow> rows = matched.getOrDefault(decision.getName(), List.of()).stream().map(rowsById::get).toList();
                outcomes.add(new DecisionOutcome(decision.getName(), values.get(decision.getName()), rows));
            }
        }
        return new ModelEvaluation(sources.get(modelName), List.copyOf(outcomes), messages);
    }

    /**
     * For each unfavourable outcome of an evaluation, the nearest favourable rows and what they need. The rows are
     * tested with the compiled tables, or with the engine's FEEL under the KIE evaluator; in CHECKED mode both, and
     * a difference is an error.
     */
    public List<Alternatives.Alternative> alternatives(ModelEvaluation evaluation, Map<String, Object> inputs) {
        String model = evaluation.model().name();
        List<DecisionTableView> modelTables = tables(model);
        if (engine == Engine.KIE) {
            return alternatives.of(modelTables, evaluation, inputs, feelTester());
        }
        List<Alternatives.Alternative> compiled =
                alternatives.of(modelTables, evaluation, inputs, compiledModels.get(model).tester());
        if (engine == Engine.CHECKED) {
            List<Alternatives.Alternative> kie = alternatives.of(modelTables, evaluation, inputs, feelTester());
            if (!kie.equals(compiled)) {
                throw new IllegalStateException("The compiled tables and the engine's FEEL disagree on what would change "
                        + "the answer of model " + model + ":\ncompiled " + compiled + "\nFEEL     " + kie);
            }
        }
        return compiled;
    }

    private synchronized Alternatives.FeelTester feelTester() {
        if (feelTester == null) {
            feelTester = new Alternatives.FeelTester();
        }
        return feelTester;
    }

}
