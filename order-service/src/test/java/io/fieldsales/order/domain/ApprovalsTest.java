package io.fieldsales.order.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ApprovalsTest {

    private final ApprovalPolicy policy = ApprovalPolicy.defaults();

    @ParameterizedTest
    @CsvSource({"0,''", "10,''", "10.01,manager", "25,manager", "25.01,manager finance", "100,manager finance"})
    void orderDiscountsRouteToSteps(String discount, String roles) {
        List<String> expected = roles.isBlank() ? List.of() : List.of(roles.split(" "));
        assertThat(policy.stepsForOrder(new BigDecimal(discount))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0,''", "500.00,''", "500.01,manager"})
    void returnsAboveTheThresholdNeedAManager(String value, String roles) {
        List<String> expected = roles.isBlank() ? List.of() : List.of(roles.split(" "));
        assertThat(policy.stepsForReturn(new BigDecimal(value))).isEqualTo(expected);
    }

    @Test
    void policiesAreValidated() {
        assertThat(policy.validated()).isSameAs(policy);
        assertThat(new ApprovalPolicy(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO).validated()).isNotNull();
        assertThat(new ApprovalPolicy(BigDecimal.TEN, new BigDecimal(100), BigDecimal.ONE).validated()).isNotNull();
        for (ApprovalPolicy bad : List.of(new ApprovalPolicy(null, BigDecimal.TEN, BigDecimal.ONE),
                new ApprovalPolicy(BigDecimal.ONE, null, BigDecimal.ONE),
                new ApprovalPolicy(BigDecimal.ONE, BigDecimal.TEN, null),
                new ApprovalPolicy(new BigDecimal("-1"), BigDecimal.TEN, BigDecimal.ONE),
                new ApprovalPolicy(BigDecimal.ONE, new BigDecimal("100.01"), BigDecimal.ONE),
                new ApprovalPolicy(BigDecimal.ONE, BigDecimal.TEN, new BigDecimal("-0.01")),
                new ApprovalPolicy(BigDecimal.TEN, BigDecimal.ONE, BigDecimal.ONE))) {
            assertThatThrownBy(bad::validated).extracting("code").isEqualTo("validation_failed");
        }
    }

    @Test
    void twoStepsNeedTwoDifferentPeopleNeitherTheRequester() {
        ApprovalFlow flow = ApprovalFlow.request("rep", List.of("manager", "finance"));
        assertThat(flow.status()).isEqualTo(ApprovalStatus.PENDING);
        assertThat(flow.currentStep().number()).isEqualTo(1);
        assertThat(flow.decidableBy("boss", Set.of("manager"))).isTrue();
        assertThat(flow.decidableBy("boss", Set.of("finance"))).isFalse();
        assertThat(flow.decidableBy("rep", Set.of("manager"))).isFalse();
        assertThatThrownBy(() -> flow.decide("rep", Set.of("manager"), Decision.APPROVE))
                .extracting("code").isEqualTo("self_approval");
        assertThatThrownBy(() -> flow.decide("cfo", Set.of("finance"), Decision.APPROVE))
                .extracting("code").isEqualTo("forbidden");
        ApprovalFlow afterFirst = flow.decide("boss", Set.of("manager", "finance"), Decision.APPROVE);
        assertThat(afterFirst.status()).isEqualTo(ApprovalStatus.PENDING);
        assertThat(afterFirst.steps().get(0)).isEqualTo(new ApprovalStep(1, "manager", ApprovalStatus.APPROVED, "boss"));
        assertThat(afterFirst.currentStep().number()).isEqualTo(2);
        assertThat(afterFirst.decidableBy("boss", Set.of("finance"))).isFalse();
        assertThatThrownBy(() -> afterFirst.decide("boss", Set.of("manager", "finance"), Decision.APPROVE))
                .extracting("code").isEqualTo("same_approver");
        ApprovalFlow done = afterFirst.decide("cfo", Set.of("finance"), Decision.APPROVE);
        assertThat(done.status()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(done.currentStep()).isNull();
        assertThat(done.decidableBy("x", Set.of("finance"))).isFalse();
        assertThatThrownBy(() -> done.decide("x", Set.of("finance"), Decision.APPROVE))
                .extracting("code").isEqualTo("approval_not_pending");
        assertThat(done.requesterId()).isEqualTo("rep");
    }

    @Test
    void oneRejectionRejectsTheWhole() {
        ApprovalFlow flow = ApprovalFlow.request("rep", List.of("manager", "finance"))
                .decide("boss", Set.of("manager"), Decision.REJECT);
        assertThat(flow.status()).isEqualTo(ApprovalStatus.REJECTED);
        assertThat(flow.currentStep()).isNull();
        assertThat(flow.steps().get(1).status()).isEqualTo(ApprovalStatus.PENDING);
        assertThatThrownBy(() -> flow.decide("cfo", Set.of("finance"), Decision.APPROVE))
                .extracting("code").isEqualTo("approval_not_pending");
        ApprovalFlow secondRejects = ApprovalFlow.request("rep", List.of("manager", "finance"))
                .decide("boss", Set.of("manager"), Decision.APPROVE).decide("cfo", Set.of("finance"), Decision.REJECT);
        assertThat(secondRejects.status()).isEqualTo(ApprovalStatus.REJECTED);
    }

    @Test
    void noStepsMeansApproved() {
        assertThat(ApprovalFlow.request("rep", List.of()).status()).isEqualTo(ApprovalStatus.APPROVED);
    }
}
