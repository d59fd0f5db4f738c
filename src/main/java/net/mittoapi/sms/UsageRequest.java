package net.mittoapi.sms;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import net.mittoapi.sms.internal.validation.Validation;
import org.jspecify.annotations.Nullable;

/**
 * A period to read usage for, for {@link MittoClient#usageByCountry(UsageRequest)}: both days included.
 * Immutable; built and validated by {@link #builder()}.
 *
 * <pre>{@code
 * UsageRequest request = UsageRequest.builder()
 *         .startDate(LocalDate.of(2020, 4, 1))
 *         .endDate(LocalDate.of(2020, 4, 15))
 *         .accountName("promo_account")
 *         .build();
 * }</pre>
 */
public final class UsageRequest {

    private final LocalDate startDate;
    private final LocalDate endDate;
    private final @Nullable String accountName;

    private UsageRequest(Builder b) {
        this.startDate = Validation.periodDay("startDate", "first", b.startDate);
        this.endDate = Validation.periodDay("endDate", "last", b.endDate);
        this.accountName = Validation.accountName(b.accountName);
    }

    /** @return a builder with every field unset */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the first day of the period */
    public LocalDate startDate() {
        return startDate;
    }

    /** @return the last day of the period */
    public LocalDate endDate() {
        return endDate;
    }

    /** @return the (sub-)account to report on, or empty for the key's own account */
    public Optional<String> accountName() {
        return Optional.ofNullable(accountName);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof UsageRequest r && startDate.equals(r.startDate)
                && endDate.equals(r.endDate) && Objects.equals(accountName, r.accountName));
    }

    @Override
    public int hashCode() {
        return Objects.hash(startDate, endDate, accountName);
    }

    @Override
    public String toString() {
        return "UsageRequest{startDate=" + startDate + ", endDate=" + endDate
                + (accountName != null ? ", accountName=" + Validation.show(accountName) : "") + "}";
    }

    /** Builds a {@link UsageRequest}; {@link #build()} checks every field. Not thread-safe. */
    public static final class Builder {

        private @Nullable LocalDate startDate;
        private @Nullable LocalDate endDate;
        private @Nullable String accountName;

        private Builder() {
        }

        /**
         * @param startDate the first day of the period, required
         * @return this builder
         */
        public Builder startDate(LocalDate startDate) {
            this.startDate = startDate;
            return this;
        }

        /**
         * @param endDate the last day of the period, required. A period that ends before it starts is not refused
         *                here (nothing documents it as invalid): the server answers it
         * @return this builder
         */
        public Builder endDate(LocalDate endDate) {
            this.endDate = endDate;
            return this;
        }

        /**
         * @param accountName the account to report on ({@code AccountName} on the wire); optional, and sent
         *                    exactly as given when set; {@code null} leaves it unset, the default
         * @return this builder
         */
        public Builder accountName(@Nullable String accountName) {
            this.accountName = accountName;
            return this;
        }

        /**
         * @return the request
         * @throws MittoValidationException when a date is missing
         */
        public UsageRequest build() {
            return new UsageRequest(this);
        }
    }
}
