package dev.posrecon.core.gen;

import java.util.SplittableRandom;

/**
 * The customer directory of the generated day. Member {@code i} is drawn from its own random stream (seed and index),
 * so the directory is the same whatever order or number of receipts named the member.
 */
final class Customers {
    private static final String[] ZH_SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"};
    private static final String[] ZH_PINYIN = {"wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou"};
    private static final String[] ZH_GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰",
            "娟", "涛", "明", "超", "秀英", "霞", "平"};
    private static final String[] EN_FIRST = {"Emma", "Liam", "Olivia", "Noah", "Ava", "Mason", "Sophia", "Lucas", "Mia",
            "Ethan", "Grace", "Henry"};
    private static final String[] EN_LAST = {"Clark", "Smith", "Brown", "Wilson", "Taylor", "Walker", "Hughes", "Young",
            "King", "Wright"};
    private static final String[] QUIET = {"21:00-09:00", "22:00-08:00", "20:30-08:30"};

    private Customers() {
    }

    /**
     * Renders member {@code index}'s directory row into {@code out}.
     *
     * @return false when the member is not in the directory (about one in five members)
     */
    static boolean row(long seed, long index, int year, ByteBuf out) {
        SplittableRandom r = new SplittableRandom(seed + 0x632BE59BD9B4E019L * (index + 1));
        if (r.nextInt(10) >= 8) {
            return false;
        }
        boolean zh = r.nextInt(10) < 7;
        int age = r.nextInt(100) < 15 ? 66 + r.nextInt(20) : 18 + r.nextInt(47);
        boolean senior = age >= 65;
        String name;
        String email;
        String phone;
        if (zh) {
            int s = r.nextInt(ZH_SURNAMES.length);
            name = ZH_SURNAMES[s] + ZH_GIVEN[r.nextInt(ZH_GIVEN.length)];
            email = ZH_PINYIN[s] + r.nextInt(10_000) + "@example.cn";
            phone = "1" + (char) ('3' + r.nextInt(3) * 2) + DayGenerator.zpad(r.nextInt(1_000_000_000), 9);
        } else {
            String first = EN_FIRST[r.nextInt(EN_FIRST.length)];
            String last = EN_LAST[r.nextInt(EN_LAST.length)];
            name = first + " " + last;
            email = first.toLowerCase(java.util.Locale.ROOT) + "." + last.toLowerCase(java.util.Locale.ROOT)
                    + r.nextInt(1000) + "@example.com";
            phone = "+44 7700 9" + DayGenerator.zpad(r.nextInt(100_000), 5);
        }
        if (r.nextInt(100) < (senior ? 50 : 15)) {
            email = "";
        }
        if (r.nextInt(100) < 4) {
            phone = "";
        }
        String channel = channel(r, zh, senior, phone.isEmpty(), email.isEmpty());
        boolean consent = r.nextInt(100) < 85;
        int q = r.nextInt(10);
        String quiet = q < 5 ? QUIET[0] : q < 7 ? QUIET[1 + r.nextInt(2)] : "";
        out.ascii(DayGenerator.memberId(index)).put(',').utf8(name).put(',').ascii(phone).put(',').ascii(email)
                .put(',').ascii(channel).put(',').num(year - age).put(',').put(consent ? 'Y' : 'N').put(',')
                .ascii(quiet).put(',').ascii(zh ? "zh" : "en").put('\n');
        return true;
    }

    private static String channel(SplittableRandom r, boolean zh, boolean senior, boolean noPhone, boolean noEmail) {
        int p = r.nextInt(100);
        String c;
        if (senior) {
            c = p < 60 ? "PHONE" : p < 80 ? "SMS" : p < 90 ? "EMAIL" : "NONE";
        } else if (zh) {
            c = p < 30 ? "APP" : p < 60 ? "SMS" : p < 80 ? "PHONE" : p < 90 ? "EMAIL" : "NONE";
        } else {
            c = p < 35 ? "EMAIL" : p < 60 ? "SMS" : p < 80 ? "PHONE" : p < 90 ? "APP" : "NONE";
        }
        if (noPhone && (c.equals("PHONE") || c.equals("SMS"))) {
            c = noEmail ? "NONE" : "EMAIL";
        }
        if (noEmail && c.equals("EMAIL")) {
            c = noPhone ? "NONE" : "SMS";
        }
        return c;
    }
}
