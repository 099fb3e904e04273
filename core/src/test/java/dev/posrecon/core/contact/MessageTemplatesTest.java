package dev.posrecon.core.contact;

import dev.posrecon.core.Fixtures;
import dev.posrecon.core.cases.CaseBuilder;
import dev.posrecon.core.cases.CaseType;
import dev.posrecon.core.cases.Direction;
import dev.posrecon.core.cases.ReconCase;
import dev.posrecon.core.config.ReconConfig;
import dev.posrecon.core.error.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageTemplatesTest {

    @Test
    void builtInTextsUseOnlyKnownPlaceholdersAndBothLanguagesHaveTheSameKeys() {
        MessageTemplates t = MessageTemplates.builtIn();
        assertThat(t.keys("zh")).containsExactlyElementsOf(t.keys("en"));
        for (String lang : MessageTemplates.LANGUAGES) {
            for (String k : t.keys(lang)) {
                String text = t.find(lang, List.of(k));
                assertThat(MessageTemplates.unknownPlaceholder(text)).as("%s %s", lang, k).isNull();
                assertThat(text).as("%s %s", lang, k).doesNotContain("  ").doesNotContain("\\");
            }
        }
    }

    @Test
    void everyCaseTypeHasItsTextsInBothLanguages() {
        MessageTemplates t = MessageTemplates.builtIn();
        for (String lang : MessageTemplates.LANGUAGES) {
            for (CaseType type : CaseType.values()) {
                List<String> kinds = type.involvesCustomer() ? List.of("summary", "next", "written", "call")
                        : List.of("summary", "next");
                for (String kind : kinds) {
                    assertThat(t.find(lang, List.of(type + "." + kind))).as("%s %s.%s", lang, type, kind).isNotNull();
                }
            }
            for (String generic : List.of("written", "call", "notice", "retrieval", "helpdesk", "name.unknown")) {
                assertThat(t.find(lang, List.of(generic))).as("%s %s", lang, generic).isNotNull();
            }
        }
    }

    @Test
    void optionalSegmentsDropWhenAValueIsMissing() {
        Map<String, String> v = new HashMap<>();
        v.put("amount", "115.20");
        v.put("receipt", null);
        v.put("time", "");
        assertThat(MessageTemplates.render("Paid {amount}[[ (receipt {receipt})]][[ at {time}]][[ ok {amount}]].", v))
                .isEqualTo("Paid 115.20 ok 115.20.");
        assertThat(MessageTemplates.render("card {card}", v)).isEqualTo("card -");
        assertThat(MessageTemplates.render("$1 \\{amount} {amount}", v)).isEqualTo("$1 \\115.20 115.20");
    }

    @Test
    void languageTagsMapToTheDraftLanguages() {
        assertThat(MessageTemplates.language("zh-CN")).isEqualTo("zh");
        assertThat(MessageTemplates.language("ZH_Hans")).isEqualTo("zh");
        assertThat(MessageTemplates.language("fr")).isEqualTo("en");
        assertThat(MessageTemplates.language(null)).isEqualTo("en");
    }

    @Test
    void aMerchantOverridesOneTextAndKeepsTheRest(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("messages_zh.properties"),
                "OVER_CHARGE.written=亲爱的{name}：{merchant}多收了您{amount}{currency}，已原路退回（尾号{card}）。\n",
                StandardCharsets.UTF_8);
        Path settings = dir.resolve("posrecon.properties");
        Files.writeString(settings, "zone=Asia/Shanghai\nmerchant.name=莲花超市\ncontact.templates=.\n");
        ReconConfig cfg = ReconConfig.load(settings);
        assertThat(cfg.contactTemplates()).isEqualTo(dir.toAbsolutePath().normalize());
        assertThat(cfg.toString()).contains("contact.templates=" + dir.toAbsolutePath().normalize());

        ReconCase c = new CaseBuilder(CaseType.OVER_CHARGE, "KEYED_HIGH", Direction.MERCHANT_OWES_CUSTOMER,
                Fixtures.cny("3.00")).terminal(ContactAdvisorTest.sale("13.00"), "sale").build(cfg);
        var customer = ContactAdvisorTest.member(dev.posrecon.core.model.ContactChannel.SMS, 1990, true, null, "zh");
        ContactAdvice a = new ContactAdvisor(cfg).advise(c, customer, null);
        assertThat(a.messageDraft()).isEqualTo("亲爱的Wang Fang：莲花超市多收了您3.00CNY，已原路退回（尾号1234）。");
        ReconCase s = ContactAdvisorTest.shortCharge("5.00", null);
        assertThat(new ContactAdvisor(cfg).advise(s, customer, null).messageDraft()).startsWith("尊敬的Wang Fang，您好！");
    }

    @Test
    void anOverrideWithAnUnknownPlaceholderIsRejectedNamingFileAndKey(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("messages_en.properties"), "OVER_CHARGE.written=Hi {nmae}\n");
        ReconConfig cfg = Fixtures.CONFIG.toBuilder().contactTemplates(dir).build();
        assertThatThrownBy(() -> new ContactAdvisor(cfg)).isInstanceOf(InputException.class)
                .hasMessageContaining("messages_en.properties").hasMessageContaining("OVER_CHARGE.written")
                .hasMessageContaining("{nmae}");
    }

    @Test
    void aMissingOverrideDirectoryIsAnInputError(@TempDir Path dir) {
        ReconConfig cfg = Fixtures.CONFIG.toBuilder().set("contact.templates", dir.resolve("nope").toString()).build();
        assertThatThrownBy(() -> new ContactAdvisor(cfg)).isInstanceOf(InputException.class)
                .hasMessageContaining("contact.templates");
    }
}
