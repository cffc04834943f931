package io.loomcql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.testkit.TlsCertificates;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

class TlsSslOptionsTest {

  @Test
  void should_verify_host_names_with_the_default_context_when_nothing_is_set() throws Exception {
    SslOptions options = SslOptions.builder().build();
    assertThat(options.sslContext()).isSameAs(SSLContext.getDefault());
    assertThat(options.hostnameVerification()).isTrue();
    assertThat(options.cipherSuites()).isNull();
    assertThat(options.protocols()).isNull();
  }

  @Test
  void should_keep_the_given_context_and_lists_when_set() {
    SSLContext context = TlsCertificates.get().mutualClientContext();
    SslOptions options =
        SslOptions.builder()
            .withSslContext(context)
            .withHostnameVerification(false)
            .withProtocols("TLSv1.3")
            .withCipherSuites(List.of("TLS_AES_128_GCM_SHA256"))
            .build();
    assertThat(options.sslContext()).isSameAs(context);
    assertThat(options.hostnameVerification()).isFalse();
    assertThat(options.protocols()).containsExactly("TLSv1.3");
    assertThat(options.cipherSuites()).containsExactly("TLS_AES_128_GCM_SHA256");
  }

  @Test
  void should_name_only_protocol_and_provider_when_printed() {
    SslOptions options = SslOptions.of(TlsCertificates.get().mutualClientContext());
    assertThat(options.toString())
        .isEqualTo(
            "SslOptions{context=TLS (SunJSSE), hostnameVerification=true, protocols=default, cipherSuites=default}")
        .doesNotContain(TlsCertificates.PASSWORD);
  }

  @Test
  void should_reject_a_cipher_suite_when_the_context_does_not_support_it() {
    assertThatThrownBy(() -> SslOptions.builder().withCipherSuites("TLS_NO_SUCH_SUITE").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unsupported TLS cipher suite 'TLS_NO_SUCH_SUITE'");
  }

  @Test
  void should_reject_an_empty_protocol_list_when_built() {
    assertThatThrownBy(() -> SslOptions.builder().withProtocols(List.of()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pass null for the defaults");
  }
}
