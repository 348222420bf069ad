package uk.dmadvisor.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.model.Model;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.io.ResourceFactory;
import org.kie.internal.utils.KieHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import uk.dmadvisor.dmn.ClasspathModels;

/**
 * The knowledge base of the DRL files. The build compiles the bundled files into Drools' executable model
 * (kie-maven-plugin, generateModel), so at start the base is assembled from those classes instead of parsing and
 * compiling DRL, provided it holds exactly the rules the files being loaded declare. Other files (another
 * {@code dm-advisor.models.drl}, a run outside the Maven build) are compiled to the same executable model at start.
 */
final class RuleBases {

    private static final Logger log = LoggerFactory.getLogger(RuleBases.class);
    private static final String PRECOMPILED = "classpath*:META-INF/kie/**/drools-model";
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"", Pattern.MULTILINE);

    /** A DRL file with the package it declares and its text. */
    record DrlFile(ClasspathModels.RawFile file, String packageName, String text) {
    }

    /** The knowledge base, and whether it came from the classes the build compiled. */
    record Loaded(KieBase base, boolean precompiled) {
    }

    private RuleBases() {
    }

    static Loaded of(List<DrlFile> files) {
        List<Model> precompiled = precompiled();
        if (!precompiled.isEmpty()) {
            KieBase base = KieBaseBuilder.createKieBaseFromModel(precompiled);
            if (rulesOf(base).equals(declaredRules(files))) {
                return new Loaded(base, true);
            }
            log.info("The rules compiled at build time are not those of the DRL files loaded; compiling the files");
        } else {
            log.warn("No executable rule model was compiled at build time; compiling {} DRL file(s) now", files.size());
        }
        return new Loaded(compile(files), false);
    }

    private static List<Model> precompiled() {
        List<Model> models = new ArrayList<>();
        try {
            for (var resource : new PathMatchingResourcePatternResolver().getResources(PRECOMPILED)) {
                try (InputStream in = resource.getInputStream()) {
                    for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                        String name = line.trim();
                        if (!name.isEmpty() && !name.contains(":")) {
                            models.add((Model) Class.forName(name, true, RuleBases.class.getClassLoader())
                                    .getDeclaredConstructor().newInstance());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the precompiled rule models", e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("A precompiled rule model cannot be loaded", e);
        }
        return models;
    }

    private static KieBase compile(List<DrlFile> files) {
        KieHelper helper = new KieHelper();
        for (DrlFile drl : files) {
            // Byte-array resources: a reader resource can be consumed once and silently yield an empty package.
            Resource resource = ResourceFactory.newByteArrayResource(drl.file().content());
            resource.setSourcePath(drl.packageName().replace('.', '/') + "/" + drl.file().fileName());
            resource.setResourceType(ResourceType.DRL);
            helper.addResource(resource, ResourceType.DRL);
        }
        try {
            return helper.build(ExecutableModelProject.class);
        } catch (RuntimeException e) {
            throw new IllegalStateException("DRL rules do not compile: " + e.getMessage(), e);
        }
    }

    private static Map<String, Set<String>> rulesOf(KieBase base) {
        Map<String, Set<String>> rules = new HashMap<>();
        for (KiePackage pkg : base.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                rules.computeIfAbsent(pkg.getName(), p -> new TreeSet<>()).add(rule.getName());
            }
        }
        return rules;
    }

    private static Map<String, Set<String>> declaredRules(List<DrlFile> files) {
        Map<String, Set<String>> declared = new HashMap<>();
        for (DrlFile drl : files) {
            Matcher rule = RULE.matcher(drl.text());
            while (rule.find()) {
                declared.computeIfAbsent(drl.packageName(), p -> new TreeSet<>()).add(rule.group(1));
            }
        }
        return declared;
    }
}
