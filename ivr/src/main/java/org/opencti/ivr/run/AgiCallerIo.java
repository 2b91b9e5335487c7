package org.opencti.ivr.run;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.opencti.ivr.agi.AgiChannel;
import org.opencti.ivr.agi.AgiReply;
import org.opencti.ivr.tree.Node.ValueKind;

/**
 * {@link CallerIo} over FastAGI: {@code STREAM FILE}, {@code GET DATA}, {@code SAY NUMBER}/{@code SAY DIGITS}/{@code SAY
 * DATE}, {@code SET VARIABLE}, {@code SET CONTEXT}+{@code SET EXTENSION}+{@code SET PRIORITY 1}, {@code HANGUP}.
 *
 * <p>Asterisk's {@code GET DATA} always ends input on {@code #}; another terminator is removed from the digits when it is
 * the last key entered. Money ({@code 12.50}) is said as the whole units, {@code dollars}, and the cents
 * ({@code and ... cents}) when there are any; an order status plays {@code order-status/<status>}.
 */
public final class AgiCallerIo implements CallerIo {

    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final AgiChannel channel;

    public AgiCallerIo(AgiChannel channel) {
        this.channel = Objects.requireNonNull(channel, "channel");
    }

    @Override
    public CompletionStage<Optional<String>> play(List<String> files, String escapeDigits) {
        return play(files, 0, escapeDigits == null ? "" : escapeDigits);
    }

    private CompletionStage<Optional<String>> play(List<String> files, int index, String escapeDigits) {
        if (index >= files.size()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return channel.streamFile(files.get(index), escapeDigits).thenCompose(reply -> {
            Optional<Character> digit = reply.digit();
            return digit.isPresent() ? CompletableFuture.completedFuture(Optional.of(String.valueOf(digit.get())))
                    : play(files, index + 1, escapeDigits);
        });
    }

    @Override
    public CompletionStage<Input> collect(String prompt, int maxDigits, int timeoutMs, String terminator) {
        return channel.getData(prompt, timeoutMs, maxDigits).thenApply(reply -> {
            String digits = reply.digits();
            if (terminator != null && !terminator.isEmpty() && digits.endsWith(terminator)) {
                digits = digits.substring(0, digits.length() - terminator.length());
            }
            return new Input(digits, reply.isTimeout() && digits.isEmpty());
        });
    }

    @Override
    public CompletionStage<Void> say(String value, ValueKind kind) {
        String text = value.trim();
        return switch (kind) {
            case NUMBER -> text.matches("-?\\d{1,15}") ? done(channel.command("SAY NUMBER " + text + " \"\"")) : sayDigits(text);
            case DIGITS -> sayDigits(text);
            case MONEY -> money(text);
            case DATE -> date(text);
            case ORDER_STATUS -> done(channel.streamFile("order-status/" + text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-"),
                    ""));
            default -> sayDigits(text);
        };
    }

    private CompletionStage<Void> sayDigits(String text) {
        String digits = text.replaceAll("[^0-9*#]", "");
        return digits.isEmpty() ? DONE : done(channel.sayDigits(digits, ""));
    }

    private CompletionStage<Void> money(String text) {
        if (!text.matches("-?\\d{1,12}(\\.\\d{1,2})?")) {
            return sayDigits(text);
        }
        int dot = text.indexOf('.');
        String units = dot < 0 ? text : text.substring(0, dot);
        int cents = dot < 0 ? 0 : Integer.parseInt((text.substring(dot + 1) + "0").substring(0, 2));
        CompletionStage<AgiReply> said = channel.command("SAY NUMBER " + units + " \"\"")
                .thenCompose(r -> channel.streamFile("dollars", ""));
        if (cents > 0) {
            said = said.thenCompose(r -> channel.streamFile("and", ""))
                    .thenCompose(r -> channel.command("SAY NUMBER " + cents + " \"\""))
                    .thenCompose(r -> channel.streamFile("cents", ""));
        }
        return done(said);
    }

    private CompletionStage<Void> date(String text) {
        try {
            long epoch = LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            return done(channel.command("SAY DATE " + epoch + " \"\""));
        } catch (DateTimeParseException notIso) {
            return sayDigits(text);
        }
    }

    @Override
    public CompletionStage<Void> setVariable(String name, String value) {
        return done(channel.setVariable(name, value));
    }

    @Override
    public CompletionStage<Void> transfer(String holdContext) {
        return redirect(holdContext, "s");
    }

    @Override
    public CompletionStage<Void> redirect(String context, String exten) {
        return done(channel.setContext(context).thenCompose(r -> channel.setExtension(exten)).thenCompose(r -> channel.setPriority(1)));
    }

    @Override
    public CompletionStage<Void> hangup() {
        return done(channel.hangup());
    }

    private static CompletionStage<Void> done(CompletionStage<AgiReply> reply) {
        return reply.thenApply(r -> null);
    }
}
