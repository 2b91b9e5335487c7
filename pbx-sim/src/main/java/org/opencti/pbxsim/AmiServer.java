package org.opencti.pbxsim;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;

/** The AMI TCP listener: one {@link AmiSessionHandler} pipeline per connection. */
final class AmiServer {
    private final ChannelGroup clients = new DefaultChannelGroup("pbx-sim-ami", GlobalEventExecutor.INSTANCE);
    private final AmiMessageEncoder encoder = new AmiMessageEncoder();
    private Channel server;

    /** Binds and returns the port (useful with port 0). */
    int start(String host, int port, EventLoopGroup boss, EventLoopGroup workers, AmiBackend backend) {
        ServerBootstrap b = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                    clients.add(ch);
                    ch.pipeline().addLast("frames", new AmiFrameDecoder())
                        .addLast("messages", new AmiMessageDecoder())
                        .addLast("encoder", encoder)
                        .addLast("session", new AmiSessionHandler(backend));
                }
            });
        server = b.bind(host, port).syncUninterruptibly().channel();
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** Closes every client connection at once (RST), without a word. */
    void dropAll() {
        for (Channel c : clients) {
            c.config().setOption(ChannelOption.SO_LINGER, 0);
            c.close();
        }
    }

    /** Closes every client connection after what was written to it. */
    void closeAll() {
        clients.close();
    }

    int clientCount() {
        return clients.size();
    }

    void stop() {
        if (server != null) {
            server.close().syncUninterruptibly();
        }
        clients.close().awaitUninterruptibly();
    }
}
