package net.mittoapi.sms;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.net.SocketFactory;

/**
 * Makes the first connection attempts fail before anything is written, as a refused or unreachable host
 * does, then connects for real. Counts every attempt.
 */
final class FlakySocketFactory extends SocketFactory {

    final AtomicInteger connects = new AtomicInteger();
    private final AtomicInteger failuresLeft;
    private final Supplier<IOException> failure;

    FlakySocketFactory(int failures, Supplier<IOException> failure) {
        this.failuresLeft = new AtomicInteger(failures);
        this.failure = failure;
    }

    @Override
    public Socket createSocket() {
        return new Socket() {
            @Override
            public void connect(SocketAddress endpoint, int timeout) throws IOException {
                connects.incrementAndGet();
                if (failuresLeft.getAndDecrement() > 0) {
                    throw failure.get();
                }
                super.connect(endpoint, timeout);
            }
        };
    }

    @Override
    public Socket createSocket(String host, int port) {
        throw new UnsupportedOperationException("OkHttp uses createSocket()");
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
        throw new UnsupportedOperationException("OkHttp uses createSocket()");
    }

    @Override
    public Socket createSocket(InetAddress host, int port) {
        throw new UnsupportedOperationException("OkHttp uses createSocket()");
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
        throw new UnsupportedOperationException("OkHttp uses createSocket()");
    }
}
