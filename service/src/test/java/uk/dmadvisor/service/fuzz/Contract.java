package uk.dmadvisor.service.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * What the fuzzer knows about the API, all read from the contract the service ships ({@code static/openapi.yaml}) at
 * test time: every operation that takes a JSON body, its request schema (references resolved) and request
 * examples, and validators for its 200 answer and for problem details. Nothing here names a request field, so the
 * fuzzer follows the contract as it changes.
 */
final class Contract {

    static final String LOCATION = "static/openapi.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One operation that takes a JSON body. */
    record BodyOperation(String path, String operationId, Schema<?> requestSchema, List<JsonNode> examples,
                         JsonSchema answerSchema) {
    }

    private final List<BodyOperation> operations = new ArrayList<>();
    private final JsonSchema problemSchema;

    Contract() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(read(), null, options);
        if (parsed.getOpenAPI() == null || !parsed.getMessages().isEmpty()) {
            throw new IllegalStateException("The contract does not parse: " + parsed.getMessages());
        }
        OpenAPI api = parsed.getOpenAPI();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4, builder -> builder
                .metaSchema(OpenApi30.getInstance()).defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));
        // The response schemas are validated from the contract file itself, by JSON pointer, so $refs keep working.
        JsonNode raw = readTree();
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            Operation post = path.getValue().getPost();
            if (post == null || post.getRequestBody() == null) {
                continue;
            }
            MediaType body = post.getRequestBody().getContent().get("application/json");
            if (body == null) {
                continue;
            }
            List<JsonNode> examples = new ArrayList<>();
            raw.path("paths").path(path.getKey()).path("post").path("requestBody").path("content")
                    .path("application/json").path("examples").forEach(example -> {
                        JsonNode resolved = example.has("$ref") ? raw.at(example.path("$ref").asText().substring(1)) : example;
                        if (resolved.path("value").isObject()) {
                            examples.add(resolved.path("value"));
                        }
                    });
            String answerRef = raw.path("paths").path(path.getKey()).path("post").path("responses").path("200")
                    .path("content").path("application/json").path("schema").path("$ref").asText();
            operations.add(new BodyOperation(path.getKey(), post.getOperationId(), body.getSchema(), examples,
                    factory.getSchema(SchemaLocation.of("classpath:" + LOCATION + answerRef))));
        }
        problemSchema = factory.getSchema(SchemaLocation.of("classpath:" + LOCATION + "#/components/schemas/Problem"));
    }

    List<BodyOperation> operations() {
        return operations;
    }

    static List<String> violations(JsonSchema schema, JsonNode instance) {
        return schema.validate(instance).stream().map(ValidationMessage::getMessage).toList();
    }

    List<String> problemViolations(JsonNode problem) {
        return violations(problemSchema, problem);
    }

    private static String read() {
        try (InputStream in = Contract.class.getClassLoader().getResourceAsStream(LOCATION)) {
            if (in == null) {
                throw new IllegalStateException("The contract is not on the class path at " + LOCATION);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode readTree() {
        try {
            return new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(read());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
