package net.mittoapi.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The period and account of {@link UsageRequest}: both dates required, everything else the server's to judge. */
class UsageRequestTest {

    @ParameterizedTest
    @CsvSource({"2020-04-01, 2020-04-15", "2020-04-01, 2020-04-01", "2019-12-31, 2020-01-01"})
    void anOrderedPeriodIsAccepted(LocalDate start, LocalDate end) {
        UsageRequest request = UsageRequest.builder().startDate(start).endDate(end).build();
        assertThat(request.startDate()).isEqualTo(start);
        assertThat(request.endDate()).isEqualTo(end);
        assertThat(request.accountName()).isEmpty();
    }

    /** Nothing documents a reversed period as invalid: the server says what it makes of it. */
    @Test
    void aReversedPeriodGoesToTheServer() {
        UsageRequest request = UsageRequest.builder().startDate(LocalDate.of(2020, 4, 15))
                .endDate(LocalDate.of(2020, 4, 1)).build();
        assertThat(request.startDate()).isAfter(request.endDate());
    }

    @Test
    void bothDatesAreRequired() {
        assertThatThrownBy(() -> UsageRequest.builder().endDate(LocalDate.of(2020, 4, 1)).build())
                .isInstanceOf(MittoValidationException.class).hasMessageStartingWith("startDate must be set");
        assertThatThrownBy(() -> UsageRequest.builder().startDate(LocalDate.of(2020, 4, 1)).build())
                .isInstanceOf(MittoValidationException.class).hasMessageStartingWith("endDate must be set");
    }

    /** Nothing documents an empty AccountName as invalid: it goes out as given. */
    @ParameterizedTest
    @ValueSource(strings = {"", " "})
    void aBlankAccountNameIsKeptAsGiven(String name) {
        assertThat(UsageRequest.builder().startDate(LocalDate.of(2020, 4, 1)).endDate(LocalDate.of(2020, 4, 1))
                .accountName(name).build().accountName()).contains(name);
    }

    @Test
    void theAccountNameIsKept() {
        UsageRequest request = UsageRequest.builder().startDate(LocalDate.of(2020, 4, 1))
                .endDate(LocalDate.of(2020, 4, 15)).accountName("promo_account").build();
        assertThat(request.accountName()).contains("promo_account");
        assertThat(request).hasToString(
                "UsageRequest{startDate=2020-04-01, endDate=2020-04-15, accountName='promo_account'}");
    }
}
