package uk.dmadvisor.rules;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.StatelessKieSession;

import uk.dmadvisor.dmn.ClasspathModels;
import uk.dmadvisor.dmn.ContentHash;
import uk.dmadvisor.dmn.ModelSource;

/**
 * The DRL rule files ({@code rules/*.drl} on the classpath) in one knowledge base (see {@link RuleBases}), run in a
 * stateless session per request, so concurrent requests never share state.
 */
public final class RequestRules {

    public static final String DEFAULT_PATTERN = "classpath*:rules/*.drl";
    private static final Pattern VERSION = Pattern.compile("^//\\s*dma:version\\s+(\\S+)", Pattern.MULTILINE);
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)", Pattern.MULTILINE);

    private static final int POOLED_SESSIONS = 8;

    private final KieBase kieBase;
    private final boolean precompiled;
    private final RuleFindings findings = new RuleFindings();
    private final ThreadLocal<List<RuleMetadata>> fired = new ThreadLocal<>();
    private final StatelessKieSession session;
    private final List<ModelSource> sources = new ArrayList<>();
    private final Map<String, RuleMetadata> rulesById = new LinkedHashMap<>();

    private RequestRules(List<ClasspathModels.RawFile> files) {
        if (files.isEmpty()) {
            throw new IllegalStateException("No DRL rule files found");
        }
        Map<String, String> fileByPackage = new LinkedHashMap<>();
        List<RuleBases.DrlFile> drlFiles = new ArrayList<>();
        for (ClasspathModels.RawFile file : files) {
            String text = new String(file.content(), StandardCharsets.UTF_8);
            Matcher version = VERSION.matcher(text);
            if (!version.find()) {
                throw new IllegalStateException("Rule file " + file.fileName() + " declares no '// dma:version'");
            }
            Matcher pkg = PACKAGE.matcher(text);
            if (!pkg.find()) {
                throw new IllegalStateException("Rule file " + file.fileName() + " declares no package");
            }
            String name = file.fileName().replaceFirst("\\.drl$", "");
            sources.add(new ModelSource(file.fileName(), ModelSource.Kind.DRL, name, version.group(1),
                    ContentHash.sha256(file.content()), file.content()));
            if (fileByPackage.putIfAbsent(pkg.group(1), file.fileName()) != null) {
                throw new IllegalStateException("Rule files " + fileByPackage.get(pkg.group(1)) + " and "
                        + file.fileName() + " declare the same package " + pkg.group(1) + "; give each file its own");
            }
            drlFiles.add(new RuleBases.DrlFile(file, pkg.group(1), text));
        }
        RuleBases.Loaded loaded = RuleBases.of(drlFiles);
        kieBase = loaded.base();
        precompiled = loaded.precompiled();
        for (var pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                RuleMetadata meta = describe(rule, fileByPackage.get(pkg.getName()));
                if (rulesById.putIfAbsent(meta.ruleId(), meta) != null) {
                    throw new IllegalStateException("DRL rule id " + meta.ruleId() + " is used twice");
                }
            }
        }
        session = pooledSession();
    }

    /** Whether the rules came from the executable model the build compiled rather than from compiling DRL at start. */
    boolean precompiled() {
        return precompiled;
    }

    public static RequestRules fromClasspath() {
        return fromClasspath(DEFAULT_PATTERN);
    }

    public static RequestRules fromClasspath(String pattern) {
        return new RequestRules(ClasspathModels.read(pattern));
    }

    private static RuleMetadata describe(Rule rule, String file) {
        Map<String, Object> meta = rule.getMetaData();
        for (String key : RuleMetadata.REQUIRED) {
            if (RuleMetadata.text(meta, key).isEmpty()) {
                throw new IllegalStateException("DRL rule '" + rule.getName() + "' has no @" + key);
            }
        }
        String basis = RuleMetadata.text(meta, "basis");
        if (!RuleMetadata.BASES.contains(basis)) {
            throw new IllegalStateException("DRL rule '" + rule.getName() + "' has basis " + basis);
        }
        String kind = RuleMetadata.text(meta, "kind");
        if (Arrays.stream(RuleFinding.Kind.values()).noneMatch(k -> k.name().equals(kind))) {
            throw new IllegalStateException("DRL rule '" + rule.getName() + "' has kind " + kind + "; the kinds are "
                    + Arrays.toString(RuleFinding.Kind.values()));
        }
        return new RuleMetadata(RuleMetadata.text(meta, "ruleId"), rule.getName(), kind,
                RuleMetadata.text(meta, "citation"), basis, file);
    }

    public List<ModelSource> sources() {
        return List.copyOf(sources);
    }

    public Collection<RuleMetadata> rules() {
        return rulesById.values();
    }

    public RuleMetadata rule(String ruleId) {
        return rulesById.get(ruleId);
    }

    /** Runs the rules over one request's facts; concurrent calls share the session pool, never their facts. */
    public RuleEvaluation evaluate(Collection<?> facts) {
        findings.start();
        fired.set(new ArrayList<>());
        try {
            session.execute(facts);
            return new RuleEvaluation(List.copyOf(fired.get()), findings.finish());
        } finally {
            fired.remove();
            findings.finish();
        }
    }

    /**
     * One stateless session over a pool of engine sessions, made once: creating a session per request cost more than
     * running the rules. The global and the listener route what each evaluation reports to its own thread.
     */
    private StatelessKieSession pooledSession() {
        StatelessKieSession pooled = kieBase.newKieSessionsPool(POOLED_SESSIONS).newStatelessKieSession();
        pooled.setGlobal("findings", findings);
        pooled.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                fired.get().add(rulesById.get(RuleMetadata.text(event.getMatch().getRule().getMetaData(), "ruleId")));
            }
        });
        return pooled;
    }
}
