package io.github.gpuenv.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --ipc} and {@code --add-host} syntax; {@code --add-host} as Docker CLI 28.2.2 read it on this machine
 * (2026-12): {@code a=::1} and {@code a=[::1]} → {@code a:::1}, {@code a:host-gateway} kept, {@code a:b} → "invalid
 * IP address in add-host", {@code :1.2.3.4} → "bad format for add-host", {@code a:01.2.3.4} refused.
 */
class IpcModeAndExtraHostTest {

    @Test
    void ipcModes() {
        assertThat(IpcMode.parse("host")).isSameAs(IpcMode.HOST);
        assertThat(IpcMode.parse("private")).isSameAs(IpcMode.PRIVATE);
        assertThat(IpcMode.parse("shareable")).isSameAs(IpcMode.SHAREABLE);
        assertThat(IpcMode.parse("none")).isSameAs(IpcMode.NONE);
        IpcMode joined = IpcMode.parse("container:trainer-0");
        assertThat(joined).isEqualTo(IpcMode.container("trainer-0")).hasToString("container:trainer-0");
        assertThat(joined.container()).hasValue("trainer-0");
        assertThat(IpcMode.HOST.container()).isEmpty();
        assertThat(IpcMode.HOST.value()).isEqualTo("host");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "HOST", "hosts", "container:", "container:a b", "container:-x", "shareable ",
            "contaîner:x", "container:\u0000"})
    void badIpcModesAreRefused(String text) {
        assertThatThrownBy(() -> IpcMode.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("IPC mode");
    }

    @Test
    void extraHosts() {
        assertThat(ExtraHost.parse("registry.local:10.0.0.5")).isEqualTo(ExtraHost.of("registry.local", "10.0.0.5"));
        assertThat(ExtraHost.parse("a=::1")).hasToString("a:::1");
        assertThat(ExtraHost.parse("a=[::1]")).hasToString("a:::1");
        assertThat(ExtraHost.parse("a:::1")).hasToString("a:::1");
        assertThat(ExtraHost.parse("a:host-gateway").address()).isEqualTo(ExtraHost.HOST_GATEWAY);
        assertThat(ExtraHost.parse("a=[1.2.3.4]").address()).isEqualTo("1.2.3.4");
        assertThat(ExtraHost.parse("v6:2001:db8::ffff:1.2.3.4").address()).isEqualTo("2001:db8::ffff:1.2.3.4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a:b", ":1.2.3.4", "a:01.2.3.4", "a", "a:", "a=", "a:1.2.3", "a:256.1.1.1", "a:::1::",
            "a:1:2:3:4:5:6:7:8:9", "a:fe80::1%eth0", "a b:1.2.3.4", "a:[::1", "a:localhost", "a:１.2.3.4",
            "=1.2.3.4", "a:1.2.3.4::"})
    void badExtraHostsAreRefused(String text) {
        assertThatThrownBy(() -> ExtraHost.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("add-host");
    }
}
