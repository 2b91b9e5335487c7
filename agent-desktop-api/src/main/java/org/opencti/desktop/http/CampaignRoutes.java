package org.opencti.desktop.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.opencti.core.customer.InvalidFieldsException;
import org.opencti.dialer.campaign.Campaign;
import org.opencti.dialer.campaign.CampaignControl;
import org.opencti.dialer.campaign.CampaignState;
import org.opencti.dialer.campaign.CampaignStates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Campaigns for campaign managers and supervisors: {@code GET|POST /api/v1/campaigns}, {@code GET|PUT
 * /api/v1/campaigns/{id}}, {@code POST /api/v1/campaigns/{id}/start|pause|stop} and, for the agents who work it,
 * {@code GET /api/v1/campaigns/{id}/script}. Who may do what is {@link CampaignStaff}'s rule. A state change is
 * stored first, then the dialer is told through {@link CampaignControl}; when the dialer refuses (or fails) the state
 * goes back and the answer says why (409, or 500). An edit of a running or paused campaign is handed to the dialer the
 * same way, and undone the same way.
 */
final class CampaignRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(CampaignRoutes.class);
    static final String BASE = "/api/v1/campaigns";

    private final CampaignCalls calls;

    CampaignRoutes(CampaignCalls calls) {
        this.calls = calls;
    }

    void mount(Router router) {
        router.get(BASE).handler(this::list);
        router.post(BASE).handler(this::create);
        router.get(BASE + "/:id").handler(this::read);
        router.put(BASE + "/:id").handler(this::replace);
        for (CampaignState.Command command : CampaignState.Command.values()) {
            router.post(BASE + "/:id/" + command.word()).handler(ctx -> command(ctx, command));
        }
        router.get(BASE + "/:id/script").handler(this::script);
    }

    private void list(RoutingContext ctx) {
        calls.begin(ctx, false, false, false).ifPresent(call -> calls.run(ctx, () -> {
            CampaignApi api = call.api();
            Map<Long, CampaignStates.Status> states = api.states().all();
            JsonArray out = new JsonArray();
            for (Campaign c : api.campaigns().all()) {
                if (api.staff().oversees(call.user(), c.assignment())) {
                    // a campaign created since the states were read is a draft
                    CampaignStates.Status status = states.getOrDefault(c.id(), new CampaignStates.Status(c.id(), CampaignState.DRAFT,
                        null, null));
                    out.add(CampaignJson.campaign(c, status, api.leads().listsOf(c.id())));
                }
            }
            return new JsonObject().put("campaigns", out);
        }, answer -> answer, 200));
    }

    private void read(RoutingContext ctx) {
        calls.begin(ctx, false, false, true).ifPresent(call -> calls.run(ctx, () -> json(call, call.overseen()), j -> j, 200));
    }

    private void create(RoutingContext ctx) {
        calls.begin(ctx, false, false, false).ifPresent(call -> {
            Campaign campaign = form(ctx, call, 0);
            if (campaign == null) {
                return;
            }
            calls.run(ctx, () -> {
                nameFree(call, campaign);
                Campaign saved = call.api().campaigns().save(campaign);
                LOG.info("campaign {} ({}) created by {}", saved.id(), saved.name(), call.user().id());
                return json(call, saved);
            }, j -> {
                ctx.response().putHeader("Location", BASE + "/" + j.getLong("id"));
                return j;
            }, 201);
        });
    }

    private void replace(RoutingContext ctx) {
        calls.begin(ctx, false, false, true).ifPresent(call -> {
            Campaign campaign = form(ctx, call, call.id());
            if (campaign == null) {
                return;
            }
            calls.run(ctx, () -> {
                Campaign before = call.overseen();
                nameFree(call, campaign);
                CampaignApi api = call.api();
                Campaign saved = api.campaigns().save(campaign);
                CampaignState state = api.states().status(saved.id()).orElseThrow().state();
                if (state == CampaignState.RUNNING || state == CampaignState.PAUSED) {
                    tell(() -> api.control().changed(saved, state), () -> api.campaigns().save(before), "edit of campaign "
                        + saved.id());
                }
                LOG.info("campaign {} ({}) edited by {}", saved.id(), saved.name(), call.user().id());
                return json(call, saved);
            }, j -> j, 200);
        });
    }

    private void command(RoutingContext ctx, CampaignState.Command command) {
        calls.begin(ctx, false, false, true).ifPresent(call -> {
            if (!CampaignCalls.onlyParams(ctx, Set.of())) {
                return;
            }
            calls.run(ctx, () -> {
                Campaign campaign = call.overseen();
                CampaignApi api = call.api();
                Instant at = api.clock().instant();
                CampaignState from = api.states().move(call.id(), command.from(), command.target(), call.user().id(), at).state();
                CampaignControl control = api.control();
                tell(() -> {
                    switch (command) {
                        case START -> control.started(campaign, from);
                        case PAUSE -> control.paused(campaign);
                        case STOP -> control.stopped(campaign);
                        default -> throw new IllegalArgumentException("unknown command " + command);
                    }
                }, () -> api.states().move(call.id(), Set.of(command.target()), from, call.user().id(), api.clock().instant()),
                    command.word() + " of campaign " + call.id());
                LOG.info("campaign {} ({}): {} by {}, {} -> {}", campaign.id(), campaign.name(), command.word(), call.user().id(),
                    from.word(), command.target().word());
                return json(call, campaign);
            }, j -> j, 200);
        });
    }

    private void script(RoutingContext ctx) {
        calls.begin(ctx, true, false, true).ifPresent(call -> calls.run(ctx, () -> {
            CampaignApi api = call.api();
            Campaign c = api.campaigns().find(call.id()).orElseThrow(() -> new java.util.NoSuchElementException("no campaign "
                + call.id()));
            if (!api.staff().works(call.user(), c.assignment()) && !api.staff().oversees(call.user(), c.assignment())) {
                throw CampaignCalls.Refused.notYours("id", "campaign " + call.id() + " is not one you work or oversee");
            }
            return CampaignJson.script(c, api.states().status(c.id()).orElseThrow());
        }, j -> j, 200));
    }

    /** The body's campaign, which the caller must oversee as assigned; null with the 400 or 403 sent. */
    private static Campaign form(RoutingContext ctx, CampaignCalls.Call call, long id) {
        JsonObject body = CampaignCalls.body(ctx);
        if (body == null) {
            return null;
        }
        Campaign campaign;
        try {
            campaign = CampaignForm.read(body, id, call.api().staff(), call.api().numbers());
        } catch (InvalidFieldsException e) {
            CampaignCalls.fail(ctx, e);
            return null;
        }
        if (!call.api().staff().oversees(call.user(), campaign.assignment())) {
            ApiError.send(ctx, 403, "assignment", "supervisors run only campaigns worked by their own team's agents: "
                + String.join(", ", call.api().staff().workforce(campaign.assignment())) + " are not all in team " + call.user().team());
            return null;
        }
        return campaign;
    }

    private static void nameFree(CampaignCalls.Call call, Campaign campaign) {
        for (Campaign other : call.api().campaigns().all()) {
            if (other.id() != campaign.id() && other.name().equalsIgnoreCase(campaign.name())) {
                throw new CampaignCalls.Refused(409, "name", "campaign " + other.id() + " is already called " + other.name());
            }
        }
    }

    /** Tells the dialer; when it throws, {@code undo} puts things back and the failure goes on to the answer. */
    private static void tell(Runnable hook, Runnable undo, String what) {
        try {
            hook.run();
        } catch (RuntimeException e) {
            try {
                undo.run();
            } catch (RuntimeException undoFailure) {
                e.addSuppressed(undoFailure);
                LOG.error("{}: the dialer refused and the change could not be undone", what, e);
            }
            if (e instanceof IllegalStateException) {
                throw new IllegalStateException("the dialer refused the " + what + ": " + e.getMessage(), e);
            }
            throw new DialerFailed(what, e);
        }
    }

    private static JsonObject json(CampaignCalls.Call call, Campaign c) {
        CampaignApi api = call.api();
        return CampaignJson.campaign(c, api.states().status(c.id()).orElseThrow(), api.leads().listsOf(c.id()));
    }

    /** The dialer failed while told of a change (which was undone): a 500. */
    static final class DialerFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DialerFailed(String what, Throwable cause) {
            super("the dialer failed on the " + what + "; nothing was changed", cause);
        }
    }
}
