package org.opencti.desktop.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.desktop.TestDesktop;
import org.opencti.desktop.ws.ClientFrame;

/** The OpenAPI document says what the Router mounts, no more and no less, and is served only with a token. */
class OpenApiDocumentTest {
    private static final Set<String> VERBS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private TestDesktop desktop;
    private JsonObject doc;

    @BeforeEach
    void start() throws Exception {
        desktop = new TestDesktop(Vertx.vertx(), 4096);
        doc = new JsonObject(OpenApiRoutes.document());
    }

    @AfterEach
    void stop() throws Exception {
        desktop.close();
    }

    @Test
    void everyMountedRouteIsDocumentedAndEveryDocumentedPathIsMounted() {
        assertThat(doc.getString("openapi")).isEqualTo("3.0.3");
        Set<String> mounted = new TreeSet<>(desktop.server().apiRoutes());
        Set<String> documented = new TreeSet<>();
        JsonObject paths = doc.getJsonObject("paths");
        for (String path : paths.fieldNames()) {
            for (String verb : paths.getJsonObject(path).fieldNames()) {
                if (VERBS.contains(verb)) {
                    documented.add(verb.toUpperCase(java.util.Locale.ROOT) + " " + path);
                }
            }
        }
        assertThat(mounted).as("sanity: the listing sees the routes").contains("POST /api/v1/login", "GET /api/v1/events",
            "POST /api/v1/admin/{name}/{verb}", "GET /api/v1/openapi.json");
        Set<String> undocumented = new TreeSet<>(mounted);
        undocumented.removeAll(documented);
        assertThat(undocumented).as("mounted under /api/v1 but not in the OpenAPI document").isEmpty();
        Set<String> phantom = new TreeSet<>(documented);
        phantom.removeAll(mounted);
        assertThat(phantom).as("in the OpenAPI document but not mounted").isEmpty();
    }

    @Test
    void everyOperationNeedsTheBearerTokenButLoginAndItsPathParametersAreDeclared() {
        assertThat(doc.getJsonArray("security")).containsExactly(new JsonObject().put("bearer", new JsonArray()));
        assertThat(doc.getJsonObject("components").getJsonObject("securitySchemes").getJsonObject("bearer").getString("scheme"))
            .isEqualTo("bearer");
        JsonObject paths = doc.getJsonObject("paths");
        List<String> open = new ArrayList<>();
        for (String path : paths.fieldNames()) {
            for (String verb : paths.getJsonObject(path).fieldNames()) {
                JsonObject op = paths.getJsonObject(path).getJsonObject(verb);
                if (op.containsKey("security") && op.getJsonArray("security").isEmpty()) {
                    open.add(verb + " " + path);
                }
                Set<String> declared = new TreeSet<>();
                for (Object p : op.getJsonArray("parameters", new JsonArray())) {
                    JsonObject param = resolve((JsonObject) p);
                    if ("path".equals(param.getString("in"))) {
                        declared.add(param.getString("name"));
                    }
                }
                Set<String> inPath = new TreeSet<>();
                Matcher m = Pattern.compile("\\{([^}]+)}").matcher(path);
                while (m.find()) {
                    inPath.add(m.group(1));
                }
                assertThat(declared).as(verb + " " + path).isEqualTo(inPath);
            }
        }
        // The WebSocket upgrade carries no token: the first frame does (the auth frame), so the rule still holds.
        assertThat(open).containsExactlyInAnyOrder("post /api/v1/login", "get /api/v1/events");
    }

    @Test
    void everyReferenceResolvesAndTheDocumentedClientFramesAreWhatTheServerParses() {
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).startsWith("#/");
            assertThat(resolve(new JsonObject().put("$ref", ref))).as(ref).isNotNull();
        }
        JsonObject schemas = doc.getJsonObject("components").getJsonObject("schemas");
        JsonObject mapping = schemas.getJsonObject("ClientFrame").getJsonObject("discriminator").getJsonObject("mapping");
        assertThat(mapping.fieldNames()).containsExactlyInAnyOrder("auth", "ready", "notReady", "ping", "extension");
        for (String type : mapping.fieldNames()) {
            JsonObject schema = resolve(new JsonObject().put("$ref", mapping.getString(type)));
            ClientFrame parsed = ClientFrame.parse(schema.getJsonObject("example").encode());
            assertThat(parsed.type()).isEqualTo(type);
            assertThat(schema.getJsonObject("properties").fieldNames()).as(type)
                .containsExactlyInAnyOrder("type", "token", "reason", "extension");
        }
        assertThat(schemas.getJsonObject("ServerFrame").getJsonObject("discriminator").getJsonObject("mapping").fieldNames())
            .contains("hello", "pong", "error", "agentState", "callOffered", "screenPop", "callConnected", "callEnded", "callbacks");
        assertThat(schemas.getJsonObject("ApiError").getJsonArray("required")).containsExactlyInAnyOrder("error", "field");
    }

    @Test
    void theDocumentIsServedOnlyWithAToken() throws Exception {
        TestDesktop.Reply anonymous = desktop.call(HttpMethod.GET, OpenApiRoutes.PATH, null, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body().getString("field")).isEqualTo("Authorization");
        assertThat(desktop.call(HttpMethod.GET, OpenApiRoutes.PATH, "forged", null).status()).isEqualTo(401);
        for (String user : List.of("2001", "3001", "4001")) {
            TestDesktop.Reply served = desktop.call(HttpMethod.GET, OpenApiRoutes.PATH, desktop.login(user), null);
            assertThat(served.status()).as(user).isEqualTo(200);
            assertThat(served.body()).isEqualTo(doc);
        }
    }

    private JsonObject resolve(JsonObject maybeRef) {
        String ref = maybeRef.getString("$ref");
        if (ref == null) {
            return maybeRef;
        }
        Object at = doc;
        for (String part : ref.substring(2).split("/")) {
            at = at instanceof JsonObject o ? o.getValue(part.replace("~1", "/").replace("~0", "~")) : null;
        }
        return at instanceof JsonObject o ? o : null;
    }

    private static void collectRefs(Object node, List<String> out) {
        if (node instanceof JsonObject o) {
            for (String key : o.fieldNames()) {
                if (key.equals("$ref")) {
                    out.add(o.getString(key));
                } else {
                    collectRefs(o.getValue(key), out);
                }
            }
        } else if (node instanceof JsonArray a) {
            a.forEach(x -> collectRefs(x, out));
        }
    }
}
