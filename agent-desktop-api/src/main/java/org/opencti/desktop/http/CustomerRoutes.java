package org.opencti.desktop.http;

import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.opencti.core.customer.Actor;
import org.opencti.core.customer.ContactChange;
import org.opencti.core.customer.CustomerErasedException;
import org.opencti.core.customer.CustomerSearch;
import org.opencti.core.customer.DuplicateCustomerException;
import org.opencti.core.customer.InvalidFieldsException;
import org.opencti.core.customer.NoSuchCustomerException;
import org.opencti.core.customer.PhoneNumbers;
import org.opencti.core.port.CustomerRecords;
import org.opencti.desktop.auth.Role;
import org.opencti.desktop.auth.Session;
import org.opencti.desktop.ws.CustomerJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The customer API for the desktop and for CRM integration. Agents, supervisors and admins search and read customers,
 * change contact details and add notes and complaints (customers are the centre's, not a team's); only admins erase a
 * customer and read the audit trail. Every store call runs on a worker, never on the event loop; every change is
 * audited by the store with the signed-in user and this node's clock. Errors name the field: 400 bad input (with
 * {@code errors}, field to reason, when several), 404 unknown customer, 409 a number or e-mail another customer has
 * (with {@code existingCustomerId}), 410 an erased customer, 503 no customer store on this node.
 */
final class CustomerRoutes {
    /** What the routes work on: the store, the centre's number format and the clock changes are stamped with. */
    record Backend(CustomerRecords records, PhoneNumbers numbers, Clock clock) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(CustomerRoutes.class);
    private static final Pattern ID = Pattern.compile("^[1-9][0-9]{0,17}$");
    // what someone types when they mean a phone number; anything else is not tried as one
    private static final Pattern PHONE_LIKE = Pattern.compile("^[+0-9 ()./-]{5,40}$");
    private static final int DEFAULT_LIMIT = 20;
    private static final int RECENT = 10;

    private final Vertx vertx;
    private final AgentRoutes auth;
    private final Supplier<Backend> backend;

    CustomerRoutes(Vertx vertx, AgentRoutes auth, Supplier<Backend> backend) {
        this.vertx = vertx;
        this.auth = auth;
        this.backend = backend;
    }

    void mount(Router router) {
        router.get("/api/v1/customers").handler(this::search);
        router.get("/api/v1/customers/:id").handler(this::read);
        router.patch("/api/v1/customers/:id").handler(this::update);
        router.delete("/api/v1/customers/:id").handler(this::erase);
        router.post("/api/v1/customers/:id/notes").handler(this::note);
        router.post("/api/v1/customers/:id/complaints").handler(this::complaint);
        router.get("/api/v1/customers/:id/audit").handler(this::audit);
    }

    /** A request that passed authentication and authorisation, with the store it may use. */
    private record Call(Session session, Backend backend, long id) {
        Actor actor() {
            return new Actor(session.user().id(), backend.clock().instant());
        }
    }

    private void search(RoutingContext ctx) {
        Optional<Call> call = begin(ctx, false, false);
        if (call.isEmpty() || !onlyParams(ctx, Set.of("q", "limit", "offset"))) {
            return;
        }
        Integer limit = intParam(ctx, "limit", DEFAULT_LIMIT, 1, CustomerSearch.MAX_LIMIT);
        Integer offset = limit == null ? null : intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        if (offset == null) {
            return;
        }
        String q = ctx.request().getParam("q");
        CustomerSearch search;
        try {
            Backend b = call.get().backend();
            String e164 = q != null && PHONE_LIKE.matcher(q.strip()).matches() ? b.numbers().toE164(q).orElse(null) : null;
            search = new CustomerSearch(q, e164);
        } catch (IllegalArgumentException e) {
            ApiError.send(ctx, 400, "q", "required, 1 to " + CustomerSearch.MAX_TEXT + " characters: a name, a phone "
                + "number, an e-mail address or an account number");
            return;
        }
        run(ctx, () -> call.get().backend().records().search(search, limit, offset), found -> {
            JsonArray out = new JsonArray();
            found.forEach(c -> out.add(CustomerJson.customer(c)));
            return new JsonObject().put("customers", out).put("limit", limit).put("offset", offset);
        }, 200);
    }

    private void read(RoutingContext ctx) {
        begin(ctx, false, true).ifPresent(call -> {
            CustomerRecords records = call.backend().records();
            run(ctx, () -> records.findById(call.id(), RECENT).orElseThrow(() -> gone(records, call.id())),
                CustomerJson::profile, 200);
        });
    }

    private void update(RoutingContext ctx) {
        begin(ctx, false, true).ifPresent(call -> {
            JsonObject body = body(ctx, null);
            if (body == null) {
                return;
            }
            ContactChange change;
            try {
                change = ContactChange.from(body.getMap(), call.backend().numbers());
            } catch (IllegalArgumentException e) {
                fail(ctx, e);
                return;
            }
            run(ctx, () -> call.backend().records().updateContact(call.id(), change, call.actor()), CustomerJson::customer,
                200);
        });
    }

    private void note(RoutingContext ctx) {
        begin(ctx, false, true).ifPresent(call -> {
            JsonObject body = body(ctx, Set.of("text"));
            String text = body == null ? null : string(ctx, body, "text");
            if (text != null) {
                run(ctx, () -> call.backend().records().addNote(call.id(), text, call.actor()), CustomerJson::interaction,
                    201);
            }
        });
    }

    private void complaint(RoutingContext ctx) {
        begin(ctx, false, true).ifPresent(call -> {
            JsonObject body = body(ctx, Set.of("summary"));
            String summary = body == null ? null : string(ctx, body, "summary");
            if (summary != null) {
                run(ctx, () -> call.backend().records().recordComplaint(call.id(), summary, call.actor()),
                    CustomerJson::customerCase, 201);
            }
        });
    }

    private void erase(RoutingContext ctx) {
        begin(ctx, true, true).ifPresent(call -> run(ctx, () -> call.backend().records().erase(call.id(), call.actor()),
            erasure -> new JsonObject().put("customerId", erasure.customerId()).put("erased", erasure.erasedNow())
                .put("erasedAt", erasure.erasedAt().toString()).put("doNotCall", new JsonArray(erasure.doNotCall()))
                .put("message", erasure.erasedNow() ? "personal data erased; the numbers are on the do-not-call list"
                    : "already erased at " + erasure.erasedAt() + "; nothing changed"), 200));
    }

    private void audit(RoutingContext ctx) {
        Optional<Call> call = begin(ctx, true, true);
        if (call.isEmpty() || !onlyParams(ctx, Set.of("limit", "offset"))) {
            return;
        }
        Integer limit = intParam(ctx, "limit", CustomerSearch.MAX_LIMIT, 1, CustomerSearch.MAX_LIMIT);
        Integer offset = limit == null ? null : intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        if (offset == null) {
            return;
        }
        CustomerRecords records = call.get().backend().records();
        long id = call.get().id();
        run(ctx, () -> {
            var entries = records.audit(id, limit, offset);
            // an empty trail of an id that names nobody is a 404, not an empty answer
            if (entries.isEmpty() && records.findById(id, 0).isEmpty() && records.erasedAt(id).isEmpty()) {
                throw new NoSuchCustomerException(id);
            }
            return entries;
        }, entries -> {
            JsonArray out = new JsonArray();
            entries.forEach(e -> out.add(new JsonObject().put("id", e.id()).put("action", e.action().word())
                .put("fields", new JsonArray(e.fields())).put("by", e.by()).put("at", e.at().toString())));
            return new JsonObject().put("customerId", id).put("entries", out).put("limit", limit).put("offset", offset);
        }, 200);
    }

    /** Authenticates (401), authorises (403: admins only when {@code adminOnly}), and reads the path's id (400). */
    private Optional<Call> begin(RoutingContext ctx, boolean adminOnly, boolean withId) {
        Optional<Session> session = auth.sessionOf(ctx, false);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        if (adminOnly && session.get().user().role() != Role.ADMIN) {
            ApiError.send(ctx, 403, "Authorization", "administrators only");
            return Optional.empty();
        }
        Backend b = backend.get();
        if (b == null) {
            ApiError.send(ctx, 503, "$", "no customer store on this node");
            return Optional.empty();
        }
        long id = 0;
        if (withId) {
            String raw = ctx.pathParam("id");
            if (raw == null || !ID.matcher(raw).matches()) {
                ApiError.send(ctx, 400, "id", "a customer id is a positive whole number, not \"" + raw + "\"");
                return Optional.empty();
            }
            id = Long.parseLong(raw);
        }
        return Optional.of(new Call(session.get(), b, id));
    }

    private <T> void run(RoutingContext ctx, Callable<T> work, Function<T, JsonObject> answer, int status) {
        vertx.<T>executeBlocking(work, false).onComplete(ar -> {
            if (ar.failed()) {
                fail(ctx, ar.cause());
                return;
            }
            ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(answer.apply(ar.result()).encode());
        });
    }

    private static RuntimeException gone(CustomerRecords records, long id) {
        return records.erasedAt(id).<RuntimeException>map(at -> new CustomerErasedException(id, at))
            .orElseGet(() -> new NoSuchCustomerException(id));
    }

    private static void fail(RoutingContext ctx, Throwable failure) {
        if (failure instanceof InvalidFieldsException e) {
            String first = e.errors().keySet().iterator().next();
            send(ctx, 400, first, e.getMessage(), new JsonObject().put("errors", new JsonObject(Map.copyOf(e.errors()))));
        } else if (failure instanceof DuplicateCustomerException e) {
            send(ctx, 409, e.field(), e.getMessage(), new JsonObject().put("existingCustomerId", e.existingCustomerId()));
        } else if (failure instanceof NoSuchCustomerException e) {
            ApiError.send(ctx, 404, "id", e.getMessage());
        } else if (failure instanceof CustomerErasedException e) {
            ApiError.send(ctx, 410, "id", e.getMessage());
        } else if (failure instanceof IllegalArgumentException e) {
            ApiError.send(ctx, 400, "$", e.getMessage());
        } else {
            // the store's own failure (database down...): logged here, not handed to the client
            LOG.warn("customer API: the store failed", failure);
            ApiError.send(ctx, 500, "$", "the customer store failed; try again");
        }
    }

    private static void send(RoutingContext ctx, int status, String field, String message, JsonObject extra) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
            .end(new JsonObject().put("error", message).put("field", field).mergeIn(extra).encode());
    }

    /** The body as a JSON object; with {@code allowed}, any other field is refused by name. Null when refused. */
    private static JsonObject body(RoutingContext ctx, Set<String> allowed) {
        String text = ctx.body().asString();
        JsonObject body;
        try {
            body = text == null || text.isBlank() ? null : new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            body = null;
        }
        if (body == null) {
            ApiError.send(ctx, 400, "$", "the body must be a JSON object");
            return null;
        }
        if (allowed != null) {
            for (String name : body.fieldNames()) {
                if (!allowed.contains(name)) {
                    ApiError.send(ctx, 400, name, "unknown field; expected " + String.join(", ", allowed));
                    return null;
                }
            }
        }
        return body;
    }

    private static String string(RoutingContext ctx, JsonObject body, String name) {
        if (!(body.getValue(name) instanceof String s)) {
            ApiError.send(ctx, 400, name, "required, a string");
            return null;
        }
        return s;
    }

    private static boolean onlyParams(RoutingContext ctx, Set<String> allowed) {
        for (String name : ctx.queryParams().names()) {
            if (!allowed.contains(name)) {
                ApiError.send(ctx, 400, name, "unknown query parameter; expected " + String.join(", ", allowed));
                return false;
            }
        }
        return true;
    }

    /** The parameter as a whole number in [min, max], the default when absent; null (400 sent) when bad. */
    private static Integer intParam(RoutingContext ctx, String name, int fallback, int min, int max) {
        String raw = ctx.request().getParam(name);
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below, like a number out of range
        }
        ApiError.send(ctx, 400, name, "must be a whole number from " + min + " to " + max + ", not \"" + raw + "\"");
        return null;
    }
}
