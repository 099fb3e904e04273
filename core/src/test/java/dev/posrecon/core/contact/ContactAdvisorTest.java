package dev.posrecon.core.contact;

import dev.posrecon.core.Fixtures;
import dev.posrecon.core.cases.CaseBuilder;
import dev.posrecon.core.cases.CaseType;
import dev.posrecon.core.cases.Direction;
import dev.posrecon.core.cases.ReconCase;
import dev.posrecon.core.config.ReconConfig;
import dev.posrecon.core.model.ContactChannel;
import dev.posrecon.core.model.Customer;
import dev.posrecon.core.model.Receipt;
import dev.posrecon.core.model.ReceiptKind;
import dev.posrecon.core.model.SourceRef;
import dev.posrecon.core.model.TerminalRecord;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalTime;
import java.util.List;

import static dev.posrecon.core.Fixtures.CONFIG;
import static dev.posrecon.core.contact.ContactRoute.ACQUIRER_HELPDESK;
import static dev.posrecon.core.contact.ContactRoute.ACQUIRER_RETRIEVAL;
import static dev.posrecon.core.contact.ContactRoute.APP;
import static dev.posrecon.core.contact.ContactRoute.EMAIL;
import static dev.posrecon.core.contact.ContactRoute.IN_STORE_NOTICE;
import static dev.posrecon.core.contact.ContactRoute.PHONE;
import static dev.posrecon.core.contact.ContactRoute.SMS;
import static org.assertj.core.api.Assertions.assertThat;

/** One test (or nested group) per contact rule of issue 3 / DESIGN.md "Customer contact". */
class ContactAdvisorTest {
    static final String PHONE_NO = "13800138000";
    static final String MAIL = "wang.fang@example.cn";
    final ContactAdvisor advisor = new ContactAdvisor(CONFIG);

    // ---- builders ---------------------------------------------------------------------------------------------

    static TerminalRecord sale(String amount) {
        return Fixtures.sale("T1", "000123", amount, "622202******1234", "14:03:00", "632000000123");
    }

    /** A case about a customer: terminal sale plus a receipt R-1 with the given member and printed contacts. */
    static ReconCase customerCase(CaseType type, String reason, Direction d, String amount, Receipt r) {
        return new CaseBuilder(type, reason, d, Fixtures.cny(amount)).terminal(sale(amount), "sale")
                .receipt(r, "receipt").build(CONFIG);
    }

    static ReconCase shortCharge(String amount, Receipt r) {
        return customerCase(CaseType.SHORT_CHARGE, "KEYED_LOW", Direction.CUSTOMER_OWES_MERCHANT, amount, r);
    }

    static Receipt receipt(String member, String phone, String email) {
        TerminalRecord t = sale("10.00");
        return new Receipt(new SourceRef("journal.csv", 9), "R-1", "S1", "R1", "C1", Fixtures.at("14:03:10"),
                ReceiptKind.SALE, Fixtures.cny("10.00"), List.of(Fixtures.card("10.00", t)), null, member, phone,
                email);
    }

    static Customer member(ContactChannel preferred, Integer birthYear, boolean consent, String quiet,
                           String language) {
        LocalTime qf = quiet == null ? null : LocalTime.parse(quiet.split("-")[0]);
        LocalTime qt = quiet == null ? null : LocalTime.parse(quiet.split("-")[1]);
        return new Customer(new SourceRef("customers.csv", 2), "M-1", "Wang Fang", PHONE_NO, MAIL, preferred,
                birthYear, consent, qf, qt, language);
    }

    static Customer member(ContactChannel preferred) {
        return member(preferred, 1990, true, null, "en");
    }

    static List<ContactRoute> routes(ContactAdvice a) {
        return a.channels().stream().map(ContactOption::route).toList();
    }

    // ---- consent ----------------------------------------------------------------------------------------------

    @Nested
    class Consent {
        @Test
        void consentYPutsThePreferredChannelFirstWithItsAddressInFull() {
            ContactAdvice a = advisor.advise(shortCharge("20.00", receipt("M-1", null, null)), member(ContactChannel.EMAIL),
                    receipt("M-1", null, null));
            assertThat(routes(a)).containsExactly(EMAIL, SMS, PHONE, ACQUIRER_RETRIEVAL, IN_STORE_NOTICE);
            assertThat(a.channels().get(0).address()).isEqualTo(MAIL);
            assertThat(a.channels().get(0).reason()).contains("preferred");
            assertThat(a.reason()).contains("consents").contains("prefers EMAIL");
            assertThat(a.channelList()).isEqualTo("EMAIL|SMS|PHONE|ACQUIRER_RETRIEVAL|IN_STORE_NOTICE");
        }

        @Test
        void preferredPhoneComesFirstEvenForASmallAmount() {
            ContactAdvice a = advisor.advise(shortCharge("20.00", receipt("M-1", null, null)), member(ContactChannel.PHONE),
                    receipt("M-1", null, null));
            assertThat(routes(a)).startsWith(PHONE, SMS, EMAIL);
            assertThat(a.messageDraft()).startsWith("Hello, this is posrecon demo store");
        }

        @Test
        void preferredAppIsOfferedOnlyToAMemberWhoChoseIt() {
            Receipt r = receipt("M-1", null, null);
            assertThat(routes(advisor.advise(shortCharge("20.00", r), member(ContactChannel.APP), r)))
                    .startsWith(APP, SMS, EMAIL);
            assertThat(routes(advisor.advise(shortCharge("20.00", r), member(ContactChannel.SMS), r)))
                    .doesNotContain(APP);
        }

        @Test
        void consentNMeansNoDirectChannelAtAllAndSaysSo() {
            Receipt r = receipt("M-1", "13900139000", "printed@example.cn");
            ContactAdvice a = advisor.advise(shortCharge("500.00", r), member(ContactChannel.PHONE, 1950, false, null, "zh"), r);
            assertThat(routes(a)).containsExactly(ACQUIRER_RETRIEVAL, IN_STORE_NOTICE);
            assertThat(a.reason()).contains("consent N").contains("no direct contact");
            assertThat(a.messageDraft()).startsWith("Dear acquirer").contains("card ending 1234");
            assertThat(a.toString()).doesNotContain(PHONE_NO).doesNotContain("13900139000").doesNotContain(MAIL);
        }
    }

    // ---- no member record -------------------------------------------------------------------------------------

    @Test
    void noMemberUsesThePhoneAndEmailPrintedOnTheReceipt() {
        Receipt r = receipt(null, "13900139000", "printed@example.cn");
        ContactAdvice a = advisor.advise(shortCharge("20.00", r), null, r);
        assertThat(routes(a)).containsExactly(SMS, EMAIL, PHONE, ACQUIRER_RETRIEVAL, IN_STORE_NOTICE);
        assertThat(a.channels().get(0).address()).isEqualTo("13900139000");
        assertThat(a.channels().get(0).reason()).contains("printed on the receipt");
        assertThat(a.reason()).contains("no member record");
        assertThat(a.messageDraft()).startsWith("Dear customer,");
    }

    @Test
    void memberMissingFromTheDirectoryStillGetsTheReceiptContacts() {
        Receipt r = receipt("M-404", null, "printed@example.cn");
        ContactAdvice a = advisor.advise(shortCharge("20.00", r), null, r);
        assertThat(routes(a)).containsExactly(EMAIL, ACQUIRER_RETRIEVAL, IN_STORE_NOTICE);
    }

    @Test
    void noContactAtAllGoesToTheIssuerWithCardEndingAuthAndRrnThenInStore() {
        Receipt r = receipt(null, null, null);
        ReconCase c = shortCharge("20.00", r);
        ContactAdvice a = advisor.advise(c, null, r);
        assertThat(routes(a)).containsExactly(ACQUIRER_RETRIEVAL, IN_STORE_NOTICE);
        assertThat(a.channels().get(0).address()).isEqualTo(
                "card ending 1234, auth code A000123, RRN 632000000123, 2026-11-20 14:03, 20.00 CNY");
        assertThat(a.channels().get(0).reason()).contains("no personal data");
        assertThat(a.channels().get(1).address()).isEqualTo("receipt R-1");
        assertThat(a.window()).isEqualTo("2026-11-21 09:00-20:00 Asia/Shanghai");
        assertThat(a.messageDraft()).contains("card ending 1234").contains("auth code A000123")
                .contains("RRN 632000000123").contains("2026-11-20 14:03").contains("20.00 CNY");
    }

    @Test
    void noContactAndNoCardEndingLeavesTheInStoreNotice() {
        Receipt r = new Receipt(new SourceRef("journal.csv", 3), "R-9", "S1", "R1", "C1", Fixtures.at("11:00:00"),
                ReceiptKind.SALE, Fixtures.cny("30.00"), List.of(Fixtures.cardNoRefs("30.00", null)), null, null, null,
                null);
        ReconCase c = new CaseBuilder(CaseType.SHORT_CHARGE, "NO_TERMINAL_RECORD", Direction.CUSTOMER_OWES_MERCHANT,
                Fixtures.cny("30.00")).receipt(r, "receipt").build(CONFIG);
        ContactAdvice a = advisor.advise(c, null, r);
        assertThat(routes(a)).containsExactly(IN_STORE_NOTICE);
        assertThat(a.messageDraft()).startsWith("Note for the till").contains("receipt R-9").contains("30.00 CNY");
    }

    // ---- urgency ----------------------------------------------------------------------------------------------

    @Test
    void largeAmountCallsFirstAndSendsTheDetailsInWriting() {
        Receipt r = receipt("M-1", null, null);
        ContactAdvice a = advisor.advise(shortCharge("100.00", r), member(ContactChannel.NONE), r);
        assertThat(routes(a)).startsWith(PHONE, SMS, EMAIL);
        assertThat(a.channels().get(0).address()).isEqualTo(PHONE_NO);
        assertThat(a.channels().get(1).reason()).contains("written details after the call");
        assertThat(a.reason()).contains("large amount 100.00 CNY").contains("call first");
        assertThat(a.messageDraft()).startsWith("Hello, this is");
        assertThat(a.followUpDraft()).startsWith("Dear Wang Fang,").contains("100.00 CNY");
    }

    @Test
    void smallAmountWritesFirstAndCallsLast() {
        Receipt r = receipt("M-1", null, null);
        ContactAdvice a = advisor.advise(shortCharge("99.99", r), member(ContactChannel.NONE), r);
        assertThat(routes(a)).startsWith(SMS, EMAIL, PHONE);
        assertThat(a.reason()).contains("small amount");
        assertThat(a.messageDraft()).startsWith("Dear Wang Fang, this is posrecon demo store.");
        assertThat(a.followUpDraft()).isEmpty();
    }

    @Test
    void merchantOwingTheCustomerCallsFirstWhateverTheAmount() {
        Receipt r = receipt("M-1", null, null);
        ReconCase c = customerCase(CaseType.OVER_CHARGE, "KEYED_HIGH", Direction.MERCHANT_OWES_CUSTOMER, "5.00", r);
        ContactAdvice a = advisor.advise(c, member(ContactChannel.NONE), r);
        assertThat(routes(a)).startsWith(PHONE, SMS);
        assertThat(a.reason()).contains("merchant owes the customer 5.00 CNY");
        assertThat(a.messageDraft()).contains("refunding 5.00 CNY to the same card").contains("do nothing");
        assertThat(a.followUpDraft()).contains("refunding 5.00 CNY").contains("card ending 1234");
    }

    // ---- the person -------------------------------------------------------------------------------------------

    @Test
    void seniorCustomerGetsAPhoneCallBeforeAppOrEmail() {
        Receipt r = receipt("M-1", null, null);
        ContactAdvice a = advisor.advise(shortCharge("5.00", r), member(ContactChannel.NONE, 1961, true, null, "en"), r);
        assertThat(routes(a)).startsWith(PHONE, SMS, EMAIL);
        assertThat(a.reason()).contains("customer is 65");
        ContactAdvice young = advisor.advise(shortCharge("5.00", r), member(ContactChannel.NONE, 1962, true, null, "en"), r);
        assertThat(routes(young)).startsWith(SMS, EMAIL, PHONE);
    }

    @Test
    void seniorAgeIsConfigurable() {
        ContactAdvisor strict = new ContactAdvisor(CONFIG.toBuilder().set("contact.senior.age", "80").build());
        Receipt r = receipt("M-1", null, null);
        assertThat(routes(strict.advise(shortCharge("5.00", r), member(ContactChannel.NONE, 1950, true, null, "en"), r)))
                .startsWith(SMS);
    }

    @Test
    void chineseSpeakerGetsTheChineseTemplate() {
        Receipt r = receipt("M-1", null, null);
        ContactAdvice a = advisor.advise(shortCharge("20.00", r), member(ContactChannel.SMS, 1990, true, null, "zh-CN"), r);
        assertThat(a.language()).isEqualTo("zh");
        assertThat(a.messageDraft()).startsWith("尊敬的Wang Fang，您好！").contains("尾号1234").contains("20.00 CNY")
                .contains("于2026年11月20日 14:03").contains("小票号 R-1").doesNotContain("2026-11-20");
    }

    /** Chinese drafts carry Chinese dates; English drafts and the references for the acquirer keep ISO dates. */
    @Test
    void chineseDraftsHaveChineseDatesEnglishOnesIso() {
        assertThat(ContactAdvisor.chineseDate(java.time.LocalDate.of(2026, 1, 5))).isEqualTo("2026年1月5日");
        Receipt r = receipt("M-1", null, null);
        ContactAdvice en = advisor.advise(shortCharge("20.00", r), member(ContactChannel.SMS, 1990, true, null, "en"), r);
        assertThat(en.messageDraft()).contains("2026-11-20").doesNotContain("年");
        ContactAdvice zh = advisor.advise(shortCharge("20.00", r), member(ContactChannel.SMS, 1990, true, null, "zh"), r);
        assertThat(zh.followUpDraft() + zh.messageDraft()).doesNotContain("2026-11-20");
        assertThat(zh.channels()).filteredOn(o -> o.route() == ContactRoute.ACQUIRER_RETRIEVAL)
                .allMatch(o -> o.address().contains("2026-11-20 14:03"));
    }

    @Test
    void languageFallsBackToTheConfiguredDefault() {
        Receipt r = receipt(null, "13900139000", null);
        ContactAdvisor zh = new ContactAdvisor(CONFIG.toBuilder().set("contact.language", "zh").build());
        ContactAdvice a = zh.advise(shortCharge("20.00", r), null, r);
        assertThat(a.language()).isEqualTo("zh");
        assertThat(a.messageDraft()).startsWith("尊敬的顾客，您好！");
        assertThat(advisor.advise(shortCharge("20.00", r), null, r).language()).isEqualTo("en");
    }

    // ---- timing -----------------------------------------------------------------------------------------------

    @Nested
    class Timing {
        @Test
        void windowIsTheNextDaysDaytimeMinusQuietHoursCrossingMidnight() {
            Receipt r = receipt("M-1", null, null);
            ContactAdvice a = advisor.advise(shortCharge("500.00", r),
                    member(ContactChannel.NONE, 1990, true, "19:00-10:00", "en"), r);
            assertThat(a.window()).isEqualTo("2026-11-21 10:00-19:00 Asia/Shanghai");
            assertThat(a.channels().get(0).route()).isEqualTo(PHONE);
            assertThat(a.channels().get(0).reason()).contains("only within 10:00-19:00");
            assertThat(a.reason()).contains("quiet hours 19:00-10:00");
        }

        @Test
        void quietHoursInTheMiddleSplitTheWindow() {
            Receipt r = receipt("M-1", null, null);
            ContactAdvice a = advisor.advise(shortCharge("500.00", r),
                    member(ContactChannel.NONE, 1990, true, "12:00-14:00", "en"), r);
            assertThat(a.window()).isEqualTo("2026-11-21 09:00-12:00, 14:00-20:00 Asia/Shanghai");
        }

        @Test
        void quietHoursCoveringTheDaytimeNeverYieldACall() {
            Receipt r = receipt("M-1", null, null);
            ContactAdvice a = advisor.advise(shortCharge("500.00", r),
                    member(ContactChannel.PHONE, 1940, true, "08:00-22:00", "en"), r);
            assertThat(routes(a)).doesNotContain(PHONE).startsWith(SMS, EMAIL);
            assertThat(a.window()).isEmpty();
            assertThat(a.reason()).contains("quiet hours 08:00-22:00 cover the daytime");
            assertThat(a.messageDraft()).startsWith("Dear Wang Fang");
        }

        @Test
        void noFreeMinuteOfAnyWindowFallsInsideQuietHoursOrOutsideDaytime() {
            LocalTime dayFrom = LocalTime.of(9, 0);
            LocalTime dayTo = LocalTime.of(20, 0);
            for (int f = 0; f < 48; f++) {
                for (int t = 0; t < 48; t++) {
                    LocalTime qf = LocalTime.of(f / 2, f % 2 * 30);
                    LocalTime qt = LocalTime.of(t / 2, t % 2 * 30);
                    for (ContactWindow.Span s : ContactWindow.free(dayFrom, dayTo, qf, qt)) {
                        for (LocalTime m = s.from(); m.isBefore(s.to()); m = m.plusMinutes(1)) {
                            assertThat(ContactWindow.inside(m, dayFrom, dayTo)).isTrue();
                            if (!qf.equals(qt)) {
                                assertThat(ContactWindow.inside(m, qf, qt)).as("%s in quiet %s-%s", m, qf, qt).isFalse();
                            }
                        }
                    }
                }
            }
        }

        @Test
        void everyCallIsSuggestedOnlyWithAWindowOutsideQuietHours() {
            Receipt r = receipt("M-1", null, null);
            for (int f = 0; f < 24; f++) {
                for (int t = 0; t < 24; t++) {
                    String quiet = String.format("%02d:00-%02d:00", f, t);
                    ContactAdvice a = advisor.advise(shortCharge("500.00", r),
                            member(ContactChannel.PHONE, 1940, true, quiet, "en"), r);
                    if (routes(a).contains(PHONE)) {
                        assertThat(a.window()).as(quiet).isNotEmpty();
                    } else {
                        assertThat(a.window()).as(quiet).isEmpty();
                    }
                }
            }
        }

        @Test
        void windowFollowsTheCaseDayNotTheClock() {
            Receipt r = receipt(null, null, null);
            ReconConfig late = CONFIG.toBuilder().set("contact.daytime", "10:00-18:30").build();
            ContactAdvice a = new ContactAdvisor(late).advise(shortCharge("20.00", r), null, r);
            assertThat(a.window()).isEqualTo("2026-11-21 10:00-18:30 Asia/Shanghai");
        }
    }

    // ---- cases with no customer -------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = CaseType.class, names = {"UNSETTLED_SALE", "UNKNOWN_SETTLEMENT", "FEE_MISMATCH",
            "MISSING_RECEIPT"})
    void casesWithNoCustomerGoToTheAcquirersHelpDeskWithItsReferences(CaseType type) {
        Receipt r = receipt("M-1", "13900139000", null);
        ReconCase c = new CaseBuilder(type, "X", Direction.ACQUIRER_OWES_MERCHANT, Fixtures.cny("492.22"))
                .terminal(sale("492.22"), "sale").build(CONFIG);
        ContactAdvice a = advisor.advise(c, member(ContactChannel.PHONE), r);
        assertThat(routes(a)).containsExactly(ACQUIRER_HELPDESK);
        assertThat(a.channels().get(0).address()).isEqualTo("merchant ID M001, terminal T1, 2026-11-20 14:03, "
                + "492.22 CNY, RRN 632000000123, STAN 000123, auth code A000123, card ending 1234");
        assertThat(a.reason()).contains("no customer involved");
        assertThat(a.window()).isEqualTo("2026-11-21 09:00-20:00 Asia/Shanghai");
        assertThat(a.messageDraft()).startsWith("Dear help desk, posrecon demo store asks about one card transaction")
                .contains("merchant ID M001").contains("terminal T1").contains("RRN 632000000123")
                .contains("STAN 000123").contains("auth code A000123").contains("492.22 CNY")
                .doesNotContain("Wang Fang").doesNotContain(" - ");
    }

    @Test
    void unsettledSaleDraftAsksTheAcquirerToSettle() {
        ReconCase c = new CaseBuilder(CaseType.UNSETTLED_SALE, "NOT_SETTLED", Direction.ACQUIRER_OWES_MERCHANT,
                Fixtures.cny("492.22")).terminal(sale("492.22"), "sale").build(CONFIG);
        assertThat(advisor.advise(c, null, null).messageDraft()).isEqualTo("Dear help desk, posrecon demo store asks "
                + "about one card transaction: a sale of 492.22 CNY approved on our terminal (auth code A000123) has "
                + "not been settled. References: merchant ID M001, terminal T1, 2026-11-20 14:03, 492.22 CNY, RRN "
                + "632000000123, STAN 000123, auth code A000123, card ending 1234. Please settle it, or tell us why it "
                + "was not settled. Please reply to this message. Thank you.");
    }

    // ---- masking ----------------------------------------------------------------------------------------------

    @Test
    void onlyTheSuggestedChannelShowsItsAddressInFull() {
        Receipt r = receipt("M-1", null, null);
        ContactAdvice a = advisor.advise(shortCharge("500.00", r), member(ContactChannel.NONE), r);
        assertThat(a.channels().get(0)).extracting(ContactOption::route, ContactOption::address)
                .containsExactly(PHONE, PHONE_NO);
        assertThat(a.channels().get(1).address()).isEqualTo("*******8000");
        assertThat(a.channels().get(2).address()).isEqualTo("w***@example.cn");
    }

    @Test
    void phoneIsInFullOnlyWhenTheCaseNeedsACall() {
        Receipt r = receipt("M-1", null, null);
        ContactAdvice a = advisor.advise(shortCharge("5.00", r), member(ContactChannel.EMAIL), r);
        assertThat(routes(a)).startsWith(EMAIL, SMS, PHONE);
        assertThat(a.toString()).doesNotContain(PHONE_NO);
    }

    @Test
    void redactionMasksEveryContactDetailAndTheName() {
        ContactAdvisor redacting = new ContactAdvisor(CONFIG, true);
        Receipt r = receipt("M-1", null, null);
        ContactAdvice a = redacting.advise(shortCharge("500.00", r), member(ContactChannel.NONE), r);
        assertThat(a.channels().get(0).address()).isEqualTo("*******8000");
        assertThat(a.toString()).doesNotContain(PHONE_NO).doesNotContain(MAIL).doesNotContain("Wang Fang");
        assertThat(a.followUpDraft()).startsWith("Dear customer,");
        Receipt printed = receipt(null, "+44 7700 900972", "mia@example.com");
        ContactAdvice b = redacting.advise(shortCharge("5.00", printed), null, printed);
        assertThat(b.channels()).extracting(ContactOption::address)
                .startsWith("+** **** **0972", "m***@example.com", "+** **** **0972");
    }

    @Test
    void sameInputsGiveTheSameAdvice() {
        Receipt r = receipt("M-1", null, null);
        Customer m = member(ContactChannel.SMS, 1950, true, "21:00-09:00", "zh");
        assertThat(advisor.advise(shortCharge("500.00", r), m, r))
                .isEqualTo(new ContactAdvisor(CONFIG).advise(shortCharge("500.00", r), m, r));
    }
}
