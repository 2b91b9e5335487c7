package org.opencti.pbxsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator as FastAGI client of a tiny IVR server played by the test, against captures 02/10-fastagi. */
class FastAgiTest {
    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1795346158));
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private PbxSimulator sim;
    private AmiTestClient ami;

    /** The FastAGI server side: accepts Asterisk's connection, reads the environment, sends commands. */
    static final class Ivr implements AutoCloseable {
        final ServerSocket server;
        Socket socket;
        BufferedReader in;
        OutputStream out;

        Ivr() throws IOException {
            server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
            server.setSoTimeout(10_000);
        }

        int port() {
            return server.getLocalPort();
        }

        /** Accepts the connection and returns the environment lines (without the closing empty line). */
        List<String> accept() throws IOException {
            socket = server.accept();
            socket.setSoTimeout(10_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out = socket.getOutputStream();
            List<String> env = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null && !line.isEmpty()) {
                env.add(line);
            }
            return env;
        }

        void write(String command) throws IOException {
            out.write((command + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        String send(String command) throws IOException {
            write(command);
            return in.readLine();
        }

        String readLine() throws IOException {
            return in.readLine();
        }

        @Override
        public void close() throws IOException {
            if (socket != null) {
                socket.close();
            }
            server.close();
        }
    }

    private Ivr ivr() throws IOException {
        Ivr ivr = new Ivr();
        toClose.add(ivr);
        return ivr;
    }

    private void start(String agiHost, int agiPort, Duration prompt) {
        sim = new PbxSimulator(new PbxSimulator.Settings("127.0.0.1", 0, "cti", "cti-secret", agiHost, agiPort, clock)
            .withAnswerDelay(Duration.ofMillis(20)).withPromptDuration(prompt).withAuthFailureDelay(Duration.ZERO)).start();
        ami = AmiTestClient.loggedIn(sim.amiPort());
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        if (ami != null) {
            ami.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void environmentBlockHasTheKeysOfTheCaptureInTheirOrder() throws IOException {
        Ivr ivr = ivr();
        start("127.0.0.1", ivr.port(), Duration.ofMillis(100));
        SimCall call = sim.placeInboundCall("+15551230001", "Jane Doe", "5551000");
        List<String> env = ivr.accept();

        List<String> captured = Fixtures.agiLines(Fixtures.txt("02-fastagi"), "S> ");
        List<String> capturedEnv = captured.subList(0, captured.indexOf(""));
        assertThat(env.stream().map(l -> l.substring(0, l.indexOf(':'))).toList())
            .isEqualTo(capturedEnv.stream().map(l -> l.substring(0, l.indexOf(':'))).toList());
        assertThat(env).contains("agi_network: yes", "agi_network_script: ivr?menu=main",
            "agi_request: agi://127.0.0.1:" + ivr.port() + "/ivr?menu=main", "agi_channel: " + call.channel(),
            "agi_language: en", "agi_type: Local", "agi_uniqueid: " + call.uniqueid(), "agi_version: 22.10.1",
            "agi_callerid: +15551230001", "agi_calleridname: Jane Doe", "agi_dnid: unknown", "agi_context: cti-inbound",
            "agi_extension: 5551000", "agi_priority: 3", "agi_accountcode: ");
        assertThat(call.channel()).isEqualTo("Local/5551000@cti-inbound-00000000;2");
        AmiMessage agi = ami.awaitEvent("Newexten", m -> "AGI".equals(m.get("Application")));
        assertThat(agi.get("AppData")).isEqualTo("agi://127.0.0.1:" + ivr.port() + "/ivr?menu=main");
        assertThat(sim.history()).extracting(SimRecord::kind).contains(SimRecord.Kind.AGI_STARTED);
    }

    @Test
    void theIvrCanBeRoutedAfterStartLikeEditingCtiAgi() throws IOException {
        start(null, 0, Duration.ofMillis(100));
        SimCall straight = sim.placeInboundCall("+15551230001", "Jane Doe", "5551000", "billing");
        assertThat(sim.channel(straight.channel()).orElseThrow().context()).isEqualTo("cti-hold");

        Ivr ivr = ivr();
        sim.routeIvrTo("127.0.0.1", ivr.port());
        SimCall viaIvr = sim.placeInboundCall("+15551230002", "John Roe", "5551000");
        List<String> env = ivr.accept();
        assertThat(env).contains("agi_request: agi://127.0.0.1:" + ivr.port() + "/ivr?menu=main", "agi_channel: " + viaIvr.channel());
        assertThatThrownBy(() -> sim.routeIvrTo("127.0.0.1", 0))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("127.0.0.1:0");
    }

    @Test
    void commandsAnswerLikeCapture02AndGetDataReadsThePressedDigits() throws IOException {
        Ivr ivr = ivr();
        start("127.0.0.1", ivr.port(), Duration.ofMillis(150));
        SimCall call = sim.placeInboundCall("+15551230001", "Jane Doe", "5551000");
        ivr.accept();

        assertThat(ivr.send("ANSWER")).isEqualTo("200 result=0");
        assertThat(ivr.send("VERBOSE \"CTI IVR start\" 1")).isEqualTo("200 result=1");
        assertThat(ivr.send("CHANNEL STATUS")).isEqualTo("200 result=6");
        assertThat(ivr.send("GET VARIABLE NO_SUCH_VAR")).isEqualTo("200 result=0");
        assertThat(ivr.send("GET FULL VARIABLE \"${CALLERID(all)}\"")).isEqualTo("200 result=1 (\"Jane Doe\" <+15551230001>)");
        assertThat(ivr.send("STREAM FILE welcome \"\"")).isEqualTo("200 result=0 endpos=1200");

        sim.press(call, "42#");
        assertThat(ivr.send("GET DATA beep 5000 4")).isEqualTo("200 result=42");
        assertThat(ivr.send("GET DATA beep 100 4")).isEqualTo("200 result= (timeout)");
        sim.press(call, "7");
        assertThat(ivr.send("WAIT FOR DIGIT 3000")).isEqualTo("200 result=55");
        assertThat(ivr.send("WAIT FOR DIGIT 50")).isEqualTo("200 result=0");
        sim.press(call, "1");
        assertThat(ivr.send("STREAM FILE demo-congrats \"0123456789*#\"")).matches("200 result=49 endpos=\\d+");
        assertThat(ivr.send("EXEC Playback beep")).isEqualTo("200 result=0");
        assertThat(ivr.send("FOO BAR")).isEqualTo("510 Invalid or unknown command");
        assertThat(ivr.send("STREAM FILE")).isEqualTo("520-Invalid command syntax.  Proper usage follows:");
        List<String> usage = new ArrayList<>();
        String line;
        while (!(line = ivr.readLine()).startsWith("520 ")) {
            usage.add(line);
        }
        List<String> captured = Fixtures.agiLines(Fixtures.txt("02-fastagi"), "S> ");
        int at = captured.indexOf("520-Invalid command syntax.  Proper usage follows:");
        assertThat(usage).isEqualTo(captured.subList(at + 1, at + 1 + usage.size()));
        assertThat(line).isEqualTo("520 End of proper usage.");
        assertThat(ivr.send("SET VARIABLE CTI_INTENT billing")).isEqualTo("200 result=1");

        AmiMessage dtmf = ami.awaitEvent("DTMFEnd", m -> "7".equals(m.get("Digit")));
        assertThat(dtmf.get("Channel")).isEqualTo(call.channel());
        assertThat(dtmf.get("Direction")).isEqualTo("Received");
        AmiMessage end = ami.awaitEvent("AGIExecEnd", m -> "FOO BAR".equals(m.get("Command")));
        assertThat(end.get("ResultCode")).isEqualTo("510");
        AmiMessage start = ami.await(m -> "AGIExecStart".equals(m.event()) && end.get("CommandId").equals(m.get("CommandId")));
        assertThat(start.get("Command")).isEqualTo("FOO BAR");
        ami.awaitEvent("VarSet", m -> "PLAYBACKSTATUS".equals(m.get("Variable")) && "FAILED".equals(m.get("Value")));
        ami.awaitEvent("VarSet", m -> "CTI_INTENT".equals(m.get("Variable")) && "billing".equals(m.get("Value")));
    }

    @Test
    void setContextSendsTheCallerIntoHoldWhenTheIvrCloses() throws IOException {
        Ivr ivr = ivr();
        start("127.0.0.1", ivr.port(), Duration.ofMillis(50));
        SimCall call = sim.placeInboundCall("+15551230001", "Jane Doe", "5551000");
        ivr.accept();
        assertThat(ivr.send("SET VARIABLE CTI_QUEUE sales")).isEqualTo("200 result=1");
        assertThat(ivr.send("SET CONTEXT cti-hold")).isEqualTo("200 result=0");
        assertThat(ivr.send("SET EXTENSION s")).isEqualTo("200 result=0");
        assertThat(ivr.send("SET PRIORITY 1")).isEqualTo("200 result=0");
        ami.awaitEvent("AGIExecEnd", m -> "SET PRIORITY 1".equals(m.get("Command")));
        int mark = ami.mark();
        ivr.socket.close();

        ami.awaitEventFrom(mark, "MusicOnHoldStart", m -> call.channel().equals(m.get("Channel")));
        List<String> sig = ami.since(mark).stream().map(Fixtures::signature).toList();
        assertThat(sig).containsExactly(
            "VarSet Local/5551000@cti-inbound-N;2 Variable=AGISTATUS Value=SUCCESS ChannelStateDesc=Up",
            "Newexten Local/5551000@cti-inbound-N;2 Application=NoOp ChannelStateDesc=Up",
            "Newexten Local/5551000@cti-inbound-N;2 Application=Answer ChannelStateDesc=Up",
            "Newexten Local/5551000@cti-inbound-N;2 Application=MusicOnHold ChannelStateDesc=Up",
            "MusicOnHoldStart Local/5551000@cti-inbound-N;2 ChannelStateDesc=Up");
        AmiMessage noop = ami.messages().get(mark + 1);
        assertThat(noop.get("Context")).isEqualTo("cti-hold");
        assertThat(noop.get("AppData")).isEqualTo("CTI hold: " + call.channel() + " queue=sales intent=");
        assertThat(sim.channel(call.channel()).orElseThrow().variables()).containsEntry("CTI_QUEUE", "sales");
    }

    @Test
    void callerHangingUpDuringTheIvrGivesMinusOneThenHangupThen511LikeCapture10() throws IOException {
        Ivr ivr = ivr();
        start("127.0.0.1", ivr.port(), Duration.ofSeconds(30));
        SimCall call = sim.placeInboundCall("+15551230013", "Ned Oak", "5551013");
        ivr.accept();
        List<String> replies = new ArrayList<>();
        replies.add(ivr.send("ANSWER"));
        ivr.write("STREAM FILE demo-congrats \"\"");
        ami.awaitEvent("AGIExecStart", m -> m.get("Command").startsWith("STREAM FILE demo-congrats"));

        sim.hangup(call);

        replies.add(ivr.readLine());
        ami.awaitEvent("Hangup", m -> call.phoneChannel().equals(m.get("Channel")));
        ivr.write("GET VARIABLE CTI_ROLE");
        replies.add(ivr.readLine());
        replies.add(ivr.readLine());
        replies.add(ivr.send("STREAM FILE beep \"\""));
        replies.add(ivr.send("SET VARIABLE CTI_RESULT abandoned"));
        replies.add(ivr.send("VERBOSE \"caller gone\" 1"));
        int mark = ami.mark();
        ivr.socket.close();

        List<String> captured = Fixtures.agiLines(Fixtures.txt("10-fastagi"), "S> ");
        List<String> want = captured.subList(captured.indexOf("") + 1, captured.size()).stream()
            .map(l -> l.replaceAll("endpos=\\d+", "endpos=N")).toList();
        assertThat(replies.stream().map(l -> l.replaceAll("endpos=\\d+", "endpos=N")).toList()).isEqualTo(want);
        ami.awaitEventFrom(mark, "Hangup", m -> call.channel().equals(m.get("Channel")));
        List<String> sig = ami.since(mark).stream().map(Fixtures::signature).toList();
        assertThat(sig).containsSubsequence(
            "VarSet Local/5551013@cti-inbound-N;2 Variable=AGISTATUS Value=HANGUP ChannelStateDesc=Up",
            "SoftHangupRequest Local/5551013@cti-inbound-N;2 ChannelStateDesc=Up Cause=16",
            "Hangup Local/5551013@cti-inbound-N;2 ChannelStateDesc=Up Cause=16");
        assertThat(sig).noneMatch(s -> s.startsWith("Newexten"));
        ami.awaitEvent("AGIExecEnd", m -> "-1".equals(m.get("ResultCode")) && "Failure".equals(m.get("Result")));
        ami.awaitEvent("AGIExecEnd", m -> "511".equals(m.get("ResultCode")));
        assertThat(sim.channels()).isEmpty();
    }

    @Test
    void unreachableFastAgiFollowsTheDialplanFallbackToHold() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        start("127.0.0.1", closedPort, Duration.ofMillis(50));
        int mark = ami.mark();
        SimCall call = sim.placeInboundCall("+15551230001", "Jane Doe", "5551000");

        ami.awaitEventFrom(mark, "MusicOnHoldStart", m -> call.channel().equals(m.get("Channel")));
        List<AmiMessage> got = ami.since(mark);
        List<String> apps = got.stream().filter(m -> "Newexten".equals(m.event()) && call.channel().equals(m.get("Channel")))
            .map(m -> m.get("Application") + "(" + m.get("AppData") + ")").toList();
        assertThat(apps.subList(0, 3)).containsExactly("NoOp(CTI inbound 5551000 from \"Jane Doe\" <+15551230001>)", "Answer()",
            "AGI(agi://127.0.0.1:" + closedPort + "/ivr?menu=main)");
        assertThat(apps).contains("Set(CTI_QUEUE=support)", "Goto(cti-hold,s,1)");
        assertThat(apps.subList(apps.size() - 3, apps.size())).containsExactly(
            "NoOp(CTI hold: " + call.channel() + " queue=support intent=)", "Answer()", "MusicOnHold(default)");
        assertThat(got).anyMatch(m -> "VarSet".equals(m.event()) && "AGISTATUS".equals(m.get("Variable"))
            && "FAILURE".equals(m.get("Value")));
        assertThat(sim.history()).extracting(SimRecord::kind).contains(SimRecord.Kind.AGI_FAILED, SimRecord.Kind.ENTERED_HOLD);
    }

    @Test
    void ivrThatEndsWithoutPlacingTheCallerRunsTheDialplanAfterAgi() throws IOException {
        Ivr ivr = ivr();
        start("127.0.0.1", ivr.port(), Duration.ofMillis(50));
        SimCall call = sim.placeInboundCall("+15551230001", "Jane Doe", "5551000");
        ivr.accept();
        // the AGI step's own Newexten (and those before it) may still be on their way to this client: the mark goes after
        // it, so the first step seen from the mark is the one after AGI (a loaded CI machine once saw the AGI step there)
        ami.awaitEventFrom(0, "Newexten", m -> call.channel().equals(m.get("Channel")) && "AGI".equals(m.get("Application")));
        int mark = ami.mark();
        ivr.socket.close();

        AmiMessage status = ami.awaitEventFrom(mark, "VarSet", m -> "AGISTATUS".equals(m.get("Variable")));
        assertThat(status.get("Value")).isEqualTo("SUCCESS");
        AmiMessage next = ami.awaitEventFrom(mark, "Newexten", m -> call.channel().equals(m.get("Channel")));
        assertThat(next.get("Context")).isEqualTo("cti-inbound");
        assertThat(next.get("Priority")).isEqualTo("4");
        AmiMessage fourth = Fixtures.toMessage(List.of("Application: " + Dialplan.shipped().find("cti-inbound", "5551000")
            .steps.get(4).app()));
        assertThat(next.get("Application")).isEqualTo(fourth.get("Application"));
        ami.awaitEventFrom(mark, "MusicOnHoldStart", m -> call.channel().equals(m.get("Channel")));
        assertThat(sim.channel(call.channel()).orElseThrow().variables()).containsEntry("CTI_QUEUE", "support");
    }

    @Test
    void withoutFastAgiTheCallGoesStraightToHoldWithTheGivenQueue() {
        start(null, 0, Duration.ofMillis(50));
        int mark = ami.mark();
        SimCall call = sim.placeInboundCall("+15551230001", "Jane Doe", "5551000", "sales");

        ami.awaitEventFrom(mark, "MusicOnHoldStart", m -> call.channel().equals(m.get("Channel")));
        assertThat(call.channel()).isEqualTo("Local/5551000@cti-hold-00000000;2");
        AmiMessage noop = ami.awaitEventFrom(mark, "Newexten", m -> "NoOp".equals(m.get("Application")));
        assertThat(noop.get("AppData")).isEqualTo("CTI hold: " + call.channel() + " queue=sales intent=");
    }

    @Test
    void sayDigitsAndTheHangupCommandEndTheCallFromTheIvr() throws IOException {
        Ivr ivr = ivr();
        start("127.0.0.1", ivr.port(), Duration.ofMillis(50));
        SimCall call = sim.placeInboundCall("+15551230001", "Jane Doe", "5551000");
        ivr.accept();
        assertThat(ivr.send("SAY DIGITS 123 \"\"")).isEqualTo("200 result=0");
        sim.press(call, "9");
        assertThat(ivr.send("SAY NUMBER 42 \"9\"")).isEqualTo("200 result=57");
        assertThat(ivr.send("GET VARIABLE CALLERID(num)")).isEqualTo("200 result=1 (+15551230001)");

        assertThat(ivr.send("HANGUP")).isEqualTo("200 result=1");
        ivr.write("ANSWER");
        assertThat(ivr.readLine()).isEqualTo("HANGUP");
        assertThat(ivr.readLine()).isEqualTo("511 Command Not Permitted on a dead channel or intercept routine");
        ivr.socket.close();

        ami.awaitEvent("Hangup", m -> call.channel().equals(m.get("Channel")));
        ami.awaitEvent("Hangup", m -> call.phoneChannel().equals(m.get("Channel")));
        assertThat(sim.channels()).isEmpty();
    }
}
