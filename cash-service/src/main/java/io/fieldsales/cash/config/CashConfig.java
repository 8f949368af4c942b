package io.fieldsales.cash.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

/** Settings of the cash service ({@code fieldsales.cash.*}): the policy of tenants that have set none. */
@ConfigMapping(prefix = "fieldsales.cash")
public interface CashConfig {

    @WithDefault("1.00")
    BigDecimal defaultAutoAcceptBelow();

    @WithDefault("50.00")
    BigDecimal defaultSupervisorBelow();

    @WithDefault("30")
    int defaultCreditDays();

    @WithDefault("3")
    int defaultDepositConfirmDays();
}
