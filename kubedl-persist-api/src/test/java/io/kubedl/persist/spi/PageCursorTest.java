package io.kubedl.persist.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubedl.persist.InvalidPageTokenException;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageCursorTest {

    @Test
    void q3_tokenRoundTripsThePosition() {
        String token = PageCursor.encode("fp1", List.of("2026-11-20T08:00:00Z", "42", "ünïcode ✓ 😀"));
        assertThat(PageCursor.decode(token, "fp1", 3)).containsExactly("2026-11-20T08:00:00Z", "42", "ünïcode ✓ 😀");
    }

    @Test
    void q3_tokenIsUrlSafe() {
        String token = PageCursor.encode("fp", List.of("a/b+c?d=e&f"));
        assertThat(token).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void q3_tokenOfAnotherFilterIsRefused() {
        String token = PageCursor.encode("fp1", List.of("x"));
        assertThatThrownBy(() -> PageCursor.decode(token, "fp2", 1))
                .isInstanceOf(InvalidPageTokenException.class)
                .hasMessageContaining("different filter");
    }

    @Test
    void q3_editedTokenIsRefused() {
        byte[] raw = Base64.getUrlDecoder().decode(PageCursor.encode("fp", List.of("100")));
        raw[raw.length - 6] ^= 1;
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        assertThatThrownBy(() -> PageCursor.decode(forged, "fp", 1)).hasMessageContaining("checksum");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "!!!", "abc", "' OR 1=1 --", "AAAAAAAAAAAAAAAA"})
    void q3_garbageIsRefusedAsAPageTokenError(String token) {
        assertThatThrownBy(() -> PageCursor.decode(token, "fp", 1))
                .isInstanceOf(InvalidPageTokenException.class)
                .satisfies(e -> assertThat(((InvalidPageTokenException) e).field()).isEqualTo("pageToken"));
    }

    @Test
    void q3_tokenOfAnotherShapeIsRefused() {
        String token = PageCursor.encode("fp", List.of("a", "b"));
        assertThatThrownBy(() -> PageCursor.decode(token, "fp", 3)).hasMessageContaining("2 key parts, expected 3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999999999999999", "-99999999999999999", "253402300800", "-30610224001", "1e9", "9223372036854775808"})
    void q3_positionTimeNoStoreHoldsIsAPageTokenError(String seconds) {
        // issue 12 item 2: 99999999999999999 escaped as java.time.DateTimeException
        assertThatThrownBy(() -> PageCursor.epochSecond(seconds, FieldLimits.DEFAULT))
                .isInstanceOf(InvalidPageTokenException.class)
                .satisfies(e -> assertThat(((InvalidPageTokenException) e).field()).isEqualTo("pageToken"));
    }

    @Test
    void q3_positionTimesInsideTheStoreRangeAreRead() {
        assertThat(PageCursor.epochSecond("253402300799", FieldLimits.DEFAULT)).isEqualTo(FieldLimits.DEFAULT.latest());
        assertThat(PageCursor.epochSecond("-30610224000", FieldLimits.DEFAULT)).isEqualTo(FieldLimits.DEFAULT.earliest());
        assertThat(PageCursor.number("-42")).isEqualTo(-42L);
    }
}
