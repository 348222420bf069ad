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
import org.kie.api.builder.Message;
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
 * The knowledge base of the DRL files. The build compiles them into Drools' executable model (kie-maven-plugin,
 * generateModel), so at start the base is assembled from those classes instead of parsing and compiling DRL; it is
 * checked to hold exactly the rules the DRL files declare. Without precompiled classes (a run outside the Maven
 * build) the files are compiled to the same executable model at start.
 */
final class RuleBases {

    private static final Logger log = LoggerFactory.getLogger(RuleBases.class);
    private static final String PRECOMPILED = "classpath*:META-INF/kie/**/drools-model";
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern RULE = Pattern.compile("^rule\\s+\"([^\"]+)\"", Pattern.MULTILINE);

    private RuleBases() {
    }

    static KieBase of(List<ClasspathModels.RawFile> files) {
        List<Model> precompiled = precompiled();
        if (precompiled.isEmpty()) {
            log.warn("No executable rule model was compiled at build time; compiling {} DRL file(s) now", files.size());
            return compile(files);
        }
        KieBase base = KieBaseBuilder.createKieBaseFromModel(precompiled);
        Map<String, Set<String>> declared = declaredRules(files);
        Map<String, Set<String>> compiled = new HashMap<>();
        for (KiePackage pkg : base.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                compiled.computeIfAbsent(pkg.getName(), p -> new TreeSet<>()).add(rule.getName());
            }
        }
        if (!declared.equals(compiled)) {
            throw new IllegalStateException("The rules compiled at build time " + compiled
                    + " are not the rules the DRL files declare " + declared + "; rebuild the rules module");
        }
        return base;
    }

    /** Whether the build compiled the rules into executable-model classes on the classpath. */
    static boolean precompiledOnClasspath() {
        return !precompiled().isEmpty();
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

    private static KieBase compile(List<ClasspathModels.RawFile> files) {
        KieHelper helper = new KieHelper();
        for (ClasspathModels.RawFile file : files) {
            Matcher pkg = PACKAGE.matcher(new String(file.content(), StandardCharsets.UTF_8));
            String packagePath = pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "";
            // Byte-array resources: a reader resource can be consumed once and silently yield an empty package.
            Resource resource = ResourceFactory.newByteArrayResource(file.content());
            resource.setSourcePath(packagePath + file.fileName());
            resource.setResourceType(ResourceType.DRL);
            helper.addResource(resource, ResourceType.DRL);
        }
        var results = helper.verify();
        if (results.hasMessages(Message.Level.ERROR)) {
            throw new IllegalStateException("DRL rules do not compile: " + results.getMessages());
        }
        return helper.build(ExecutableModelProject.class);
    }

    private static Map<String, Set<String>> declaredRules(List<ClasspathModels.RawFile> files) {
        Map<String, Set<String>> declared = new HashMap<>();
        for (ClasspathModels.RawFile file : files) {
            String text = new String(file.content(), StandardCharsets.UTF_8);
            Matcher pkg = PACKAGE.matcher(text);
            String packageName = pkg.find() ? pkg.group(1) : "defaultpkg";
            Matcher rule = RULE.matcher(text);
            while (rule.find()) {
                declared.computeIfAbsent(packageName, p -> new TreeSet<>()).add(rule.group(1));
            }
        }
        return declared;
    }
}
