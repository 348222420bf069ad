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
import java.util.stream.Collectors;

import javax.xml.namespace.QName;

import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.model.api.Decision;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.kogito.dmn.DMNKogito;
import org.kie.kogito.dmn.DmnDecisionModel;

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

    private final Map<String, ModelSource> sources = new LinkedHashMap<>();
    private final Map<String, DmnDecisionModel> models = new LinkedHashMap<>();
    private final Map<String, List<DecisionTableView>> tables = new LinkedHashMap<>();
    private final Map<String, RuleRow> rowsById = new LinkedHashMap<>();
    private final MatchedRuleRecorder recorder = new MatchedRuleRecorder();
    private final Alternatives alternatives = new Alternatives();

    private DecisionModels(List<ClasspathModels.RawFile> files) {
        if (files.isEmpty()) {
            throw new IllegalStateException("No DMN model files found");
        }
        Reader[] readers = files.stream()
                .map(f -> new InputStreamReader(new ByteArrayInputStream(f.content()), StandardCharsets.UTF_8))
                .toArray(Reader[]::new);
        DMNRuntime runtime = DMNKogito.createGenericDMNRuntime(Set.of(), false, readers);
        runtime.addListener(recorder);
        List<DMNModel> compiled = runtime.getModels();
        for (ClasspathModels.RawFile file : files) {
            DMNModel model = compiled.stream()
                    .filter(m -> file.fileName().equals(sourceFileName(m, files)))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("Model file " + file.fileName() + " did not compile"));
            List<String> errors = model.getMessages(DMNMessage.Severity.ERROR).stream().map(DMNMessage::getText).toList();
            if (!errors.isEmpty()) {
                throw new IllegalStateException("Model " + file.fileName() + " has errors: " + errors);
            }
            String version = model.getDefinitions().getAdditionalAttributes().get(VERSION_ATTRIBUTE);
            if (version == null || version.isBlank()) {
                throw new IllegalStateException("Model " + file.fileName() + " declares no dma:version");
            }
            ModelSource source = new ModelSource(file.fileName(), ModelSource.Kind.DMN, model.getName(), version,
                    ContentHash.sha256(file.content()), file.content());
            sources.put(model.getName(), source);
            models.put(model.getName(), new DmnDecisionModel(runtime, model.getNamespace(), model.getName()));
            List<DecisionTableView> modelTables = readTables(model);
            tables.put(model.getName(), modelTables);
            modelTables.forEach(t -> t.rows().forEach(r -> {
                if (rowsById.putIfAbsent(r.ruleId(), r) != null) {
                    throw new IllegalStateException("Rule id " + r.ruleId() + " is used twice");
                }
            }));
        }
    }

    public static DecisionModels fromClasspath() {
        return fromClasspath(DEFAULT_PATTERN);
    }

    public static DecisionModels fromClasspath(String pattern) {
        return new DecisionModels(ClasspathModels.read(pattern));
    }

    /** Models are matched to files by the namespace each file declares, since the runtime does not keep file names. */
    private static String sourceFileName(DMNModel model, List<ClasspathModels.RawFile> files) {
        String marker = "namespace=\"" + model.getNamespace() + "\"";
        return files.stream().filter(f -> new String(f.content(), StandardCharsets.UTF_8).contains(marker))
                .map(ClasspathModels.RawFile::fileName).findFirst().orElse(null);
    }

    private static List<DecisionTableView> readTables(DMNModel model) {
        List<DecisionTableView> views = new ArrayList<>();
        for (var element : model.getDefinitions().getDrgElement()) {
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
        DmnDecisionModel model = models.get(modelName);
        if (model == null) {
            throw new NoSuchElementException("No model named " + modelName);
        }
        recorder.start();
        DMNResult result;
        Map<String, List<String>> recorded;
        try {
            result = model.evaluateAll(model.newContext(inputs));
        } finally {
            recorded = recorder.finish();
        }
        Map<String, List<String>> matched = recorded;
        List<EngineMessage> messages = result.getMessages().stream()
                .map(m -> new EngineMessage(m.getSeverity().name(), m.getText(), m.getSourceId()))
                .toList();
        if (result.hasErrors()) {
            throw new ModelEvaluationException(modelName, messages);
        }
        Map<String, Object> values = result.getDecisionResults().stream()
                .collect(Collectors.toMap(r -> r.getDecisionName(), r -> r.getResult() == null ? NO_VALUE : r.getResult()));
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
        for (var element : model.getDMNModel().getDefinitions().getDrgElement()) {
            if (element instanceof Decision decision) {
                Object value = values.get(decision.getName());
                List<RuleRow> rows = matched.getOrDefault(decision.getName(), List.of()).stream().map(rowsById::get).toList();
                outcomes.add(new DecisionOutcome(decision.getName(), value == NO_VALUE ? null : value, rows));
            }
        }
        return new ModelEvaluation(sources.get(modelName), List.copyOf(outcomes), messages);
    }

    /** For each unfavourable outcome of an evaluation, the nearest favourable rows and what they need. */
    public List<Alternatives.Alternative> alternatives(ModelEvaluation evaluation, Map<String, Object> inputs) {
        return alternatives.of(tables(evaluation.model().name()), evaluation, inputs);
    }

    private static final Object NO_VALUE = new Object();
}
