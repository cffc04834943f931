package io.loomcql.testkit;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * A native-protocol round trip with a plain socket: OPTIONS in, SUPPORTED out.
 *
 * <p>An open TCP port is not enough: another process (or a dying node) may hold
 * 9042. The kit must not depend on the driver it tests, so the frame is written
 * by hand: protocol v4 header {@code 04 00 | stream(2) | 05 (OPTIONS) | length 0}.
 * A server answers with a response header {@code 84 ..} and opcode {@code 06}.
 */
public final class NativeProbe {

    private static final byte[] OPTIONS_V4 = {0x04, 0x00, 0x00, 0x01, 0x05, 0x00, 0x00, 0x00, 0x00};

    private NativeProbe() {
    }

    /**
     * @param address a node's native transport address
     * @param timeout connect and read timeout
     * @return true if a Cassandra server answered OPTIONS with SUPPORTED
     */
    public static boolean answersOptions(InetSocketAddress address, Duration timeout) {
        return answersOptions(address, timeout, false);
    }

    /**
     * @param tls whether the port speaks TLS only; the probe then trusts any certificate, since it
     *     checks that our node answers, not who it is
     * @return true if a Cassandra server answered OPTIONS with SUPPORTED
     */
    public static boolean answersOptions(InetSocketAddress address, Duration timeout, boolean tls) {
        int millis = (int) Math.max(1, timeout.toMillis());
        try (Socket plain = new Socket()) {
            plain.connect(address, millis);
            plain.setSoTimeout(millis);
            Socket socket = tls ? trustAll().createSocket(plain, address.getHostString(), address.getPort(), true) : plain;
            OutputStream out = socket.getOutputStream();
            out.write(OPTIONS_V4);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] header = new byte[9];
            in.readFully(header);
            int length = ((header[5] & 0xff) << 24) | ((header[6] & 0xff) << 16)
                    | ((header[7] & 0xff) << 8) | (header[8] & 0xff);
            if (length > 0 && length < 1 << 20) {
                in.readFully(new byte[length]); // drain the option map, keeps the server's log quiet
            }
            return header[0] == (byte) 0x84 && header[4] == 0x06;
        } catch (IOException | java.security.GeneralSecurityException e) {
            return false;
        }
    }

    private static javax.net.ssl.SSLSocketFactory trustAll() throws java.security.GeneralSecurityException {
        javax.net.ssl.TrustManager trustAll = new javax.net.ssl.X509TrustManager() {
            @Override
            public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {}

            @Override
            public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {}

            @Override
            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return new java.security.cert.X509Certificate[0];
            }
        };
        javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
        context.init(null, new javax.net.ssl.TrustManager[] {trustAll}, null);
        return context.getSocketFactory();
    }

    /** @return {@link #answersOptions(InetSocketAddress, Duration)} with a 2 s timeout */
    public static boolean answersOptions(InetSocketAddress address) {
        return answersOptions(address, Duration.ofSeconds(2));
    }
}
