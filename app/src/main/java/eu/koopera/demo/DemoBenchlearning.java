package eu.koopera.demo;

import eu.koopera.benchlearning.ActionStatus;
import eu.koopera.benchlearning.Direction;
import eu.koopera.benchlearning.IndicatorCommand;
import eu.koopera.benchlearning.IndicatorService;
import eu.koopera.benchlearning.PeerGroupCommand;
import eu.koopera.benchlearning.PeerGroupService;
import eu.koopera.benchlearning.PlanCommand;
import eu.koopera.benchlearning.PlanService;
import eu.koopera.benchlearning.PlanStatus;
import eu.koopera.benchlearning.ValueFormat;
import eu.koopera.benchlearning.ValueImportService;
import eu.koopera.members.MemberKind;
import eu.koopera.members.MemberResponse;
import eu.koopera.members.MemberSearch;
import eu.koopera.members.MemberService;
import eu.koopera.networks.LocalizedText;
import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.tabular.TableFormat;
import eu.koopera.tenancy.Admission;
import eu.koopera.tenancy.Tenant;
import eu.koopera.tenancy.TenantAdmission;
import eu.koopera.tenancy.TenantRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PostConstruct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Benchlearning for the demo: eight indicators in LPS's four network areas (social care, public services and
 * housing, education and culture, strategic management) in LPS and LSA, with values for every member over
 * 2016–2025 that are <em>generated</em> — plausible in size and trend, not real figures, and labelled so in each
 * indicator's source; peer groups; and one improvement plan. Created once: an association that has the first
 * indicator is left alone.
 */
@Context
@Requires(property = "koopera.demo.enabled", value = "true")
class DemoBenchlearning {

    static final String SOURCE = "Ģenerēti demonstrācijas dati, nav reāli skaitļi / Generated demo data, not real "
            + "figures";
    private static final Logger LOG = LoggerFactory.getLogger(DemoBenchlearning.class);
    private static final int FIRST_YEAR = 2016;
    private static final int LAST_YEAR = 2025;

    private final TenantRegistry registry;
    private final TenantAdmission admission;
    private final IndicatorService indicators;
    private final ValueImportService imports;
    private final PeerGroupService groups;
    private final PlanService plans;
    private final MemberService members;

    /** Runs after the demo associations exist; {@code associations} is asked for that ordering only. */
    DemoBenchlearning(DemoAssociations associations, TenantRegistry registry, TenantAdmission admission,
                      IndicatorService indicators, ValueImportService imports, PeerGroupService groups,
                      PlanService plans, MemberService members) {
        this.registry = registry;
        this.admission = admission;
        this.indicators = indicators;
        this.imports = imports;
        this.groups = groups;
        this.plans = plans;
        this.members = members;
    }

    @PostConstruct
    void createIfAbsent() {
        for (String code : List.of("lps", "lsa")) {
            Tenant tenant = registry.find(code).orElseThrow();
            boolean present = as(tenant, () -> indicators.list(null).stream()
                    .anyMatch(indicator -> indicator.code().equals(definitions().getFirst().code())));
            if (present) {
                continue;
            }
            as(tenant, () -> {
                definitions().forEach(indicators::create);
                return null;
            });
            List<MemberResponse> register = as(tenant, () -> members.all(MemberSearch.all()));
            int values = as(tenant, () -> imports.importFile(valuesFile(tenant.code(), register), TableFormat.CSV,
                    ValueFormat.WIDE, false).created());
            as(tenant, () -> groups.create(new PeerGroupCommand(code.equals("lps") ? "Valstspilsētas"
                    : "Miestų savivaldybės", null, List.of(code.equals("lps") ? MemberKind.STATE_CITY
                    : MemberKind.CITY_MUNICIPALITY), null, null, null, null)));
            if (code.equals("lps")) {
                as(tenant, () -> plan(register));
            }
            LOG.info("Demo benchlearning in {}: {} indicators, {} generated values for {} members", code,
                    definitions().size(), values, register.size());
        }
    }

    /** Valmiera's plan to shorten the wait for home care, from its 2022 value to 20 days by 2027. */
    private Object plan(List<MemberResponse> register) {
        register.stream().filter(member -> member.name().equals("Valmieras novads")).findFirst()
                .ifPresent(valmiera -> plans.create(new PlanCommand(valmiera.id(), null, "Aprūpe mājās",
                        "Saīsināt gaidīšanas laiku uz aprūpi mājās, pārkārtojot aprūpētāju darbu un ieviešot "
                                + "pieteikšanos tiešsaistē.", PlanStatus.ACTIVE,
                        List.of(new PlanCommand.Target("soc.homecare.wait", null, 2022, null, 2027,
                                new BigDecimal("20"))),
                        List.of(new PlanCommand.Action("Pieteikšanās aprūpei mājās tiešsaistē", "Sociālais dienests",
                                        LocalDate.of(2024, 6, 30), ActionStatus.DONE),
                                new PlanCommand.Action("Aprūpētāju maršrutu plānošana pa apkaimēm",
                                        "Sociālais dienests", LocalDate.of(2025, 12, 31), ActionStatus.IN_PROGRESS),
                                new PlanCommand.Action("Divi papildu aprūpētāji", "Pašvaldības izpilddirektors",
                                        LocalDate.of(2026, 9, 1), ActionStatus.PLANNED)),
                        null)));
        return null;
    }

    /**
     * One wide file with every indicator, member and (where split) gender: a level drawn per member, moving a few
     * per cent a year in the better direction with noise, seeded by association, indicator and member so every
     * start generates the same figures.
     */
    static byte[] valuesFile(String tenant, List<MemberResponse> register) {
        StringBuilder csv = new StringBuilder("indicator;municipality;gender;status");
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            csv.append(';').append(year);
        }
        csv.append('\n');
        for (Definition definition : definitionsWithLevels()) {
            for (MemberResponse member : register) {
                Random random = new Random((tenant + "|" + definition.command().code() + "|" + member.code())
                        .hashCode());
                double level = definition.level() * (0.65 + 0.7 * random.nextDouble());
                double yearly = definition.yearlyChange() * (0.4 + 1.2 * random.nextDouble());
                List<String> genders = Boolean.TRUE.equals(definition.command().genderSplit())
                        ? List.of("T", "F", "M") : List.of("T");
                for (String gender : genders) {
                    double shift = gender.equals("F") ? 1.04 : gender.equals("M") ? 0.96 : 1.0;
                    csv.append(definition.command().code()).append(';').append(member.code()).append(';')
                            .append(gender).append(';').append("FINAL");
                    for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
                        double value = level * shift * Math.pow(1 + yearly, year - FIRST_YEAR)
                                * (1 + 0.05 * random.nextGaussian());
                        csv.append(';').append(BigDecimal.valueOf(Math.max(0, value))
                                .setScale(definition.scale(), RoundingMode.HALF_UP).toPlainString());
                    }
                    csv.append('\n');
                }
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private <T> T as(Tenant tenant, Supplier<T> work) {
        Caller admin = new Caller("admin", tenant.code(), Set.of(Roles.ASSOCIATION_ADMIN));
        return admission.callAs(new Admission(admin, tenant), work);
    }

    static List<IndicatorCommand> definitions() {
        return definitionsWithLevels().stream().map(Definition::command).toList();
    }

    private static List<Definition> definitionsWithLevels() {
        return List.of(
                new Definition(indicator("soc.homecare.wait", "social-care", "days", Direction.LOWER_IS_BETTER,
                        false, "Gaidīšanas laiks uz aprūpi mājās", "Laukimo trukmė pagalbai namuose",
                        "Waiting time for home care", "Dienas no pieteikuma līdz pakalpojuma sākumam (mediāna)."),
                        45, -0.04, 0),
                new Definition(indicator("soc.homecare.cost", "social-care", "EUR", Direction.LOWER_IS_BETTER,
                        false, "Aprūpes mājās izmaksas uz klientu gadā", "Pagalbos namuose išlaidos vienam klientui "
                                + "per metus", "Home care cost per client a year",
                        "Kopējās aprūpes mājās izmaksas, dalītas ar klientu skaitu."), 2400, 0.05, 0),
                new Definition(indicator("hous.social.queue", "public-services-housing", "per 1000",
                        Direction.LOWER_IS_BETTER, false, "Rindā uz sociālo dzīvokli uz 1000 iedzīvotājiem",
                        "Socialinio būsto eilėje 1000 gyventojų", "Waiting for social housing per 1,000 residents",
                        "Mājsaimniecības rindā gada beigās uz 1000 iedzīvotājiem."), 6, -0.03, 1),
                new Definition(indicator("svc.eservices", "public-services-housing", "%",
                        Direction.HIGHER_IS_BETTER, false, "Pakalpojumu pieteikumi tiešsaistē",
                        "Paslaugų prašymai internetu", "Service requests made online",
                        "Tiešsaistē saņemto pakalpojumu pieteikumu īpatsvars."), 35, 0.08, 1),
                new Definition(indicator("edu.exam.math", "education-culture", "%", Direction.HIGHER_IS_BETTER,
                        true, "Matemātikas centralizētā eksāmena vidējais rezultāts",
                        "Matematikos valstybinio egzamino vidutinis rezultatas", "Average mathematics exam result",
                        "Vidējais rezultāts procentos; sievietes un vīrieši atsevišķi."), 38, 0.01, 1),
                new Definition(indicator("cult.visits", "education-culture", "per resident",
                        Direction.HIGHER_IS_BETTER, false, "Kultūras pasākumu apmeklējumi uz iedzīvotāju",
                        "Kultūros renginių lankymai vienam gyventojui", "Cultural event visits per resident",
                        "Pašvaldības kultūras iestāžu pasākumu apmeklējumi gadā, dalīti ar iedzīvotāju skaitu."),
                        2.5, 0.02, 2),
                new Definition(indicator("mgmt.budget.dev", "strategic-management", "%", Direction.NEUTRAL,
                        false, "Attīstības izdevumu daļa budžetā", "Plėtros išlaidų dalis biudžete",
                        "Development spending share of the budget",
                        "Kapitālieguldījumi un attīstības projekti pret kopējiem izdevumiem."), 18, 0.0, 1),
                new Definition(indicator("mgmt.participation", "strategic-management", "per 10,000",
                        Direction.HIGHER_IS_BETTER, false, "Līdzdalības budžeta projekti uz 10 000 iedzīvotājiem",
                        "Dalyvaujamojo biudžeto projektai 10 000 gyventojų",
                        "Participatory budgeting projects per 10,000 residents",
                        "Iedzīvotāju iesniegtie un atbalstītie līdzdalības budžeta projekti."), 1.2, 0.12, 2));
    }

    private static IndicatorCommand indicator(String code, String area, String unit, Direction direction,
                                              boolean genderSplit, String lv, String lt, String en,
                                              String formula) {
        return new IndicatorCommand(code, new LocalizedText(lv, lt, en), null, unit, direction, genderSplit, area,
                SOURCE, formula, null);
    }

    /**
     * @param level        a typical value in the first year
     * @param yearlyChange the typical relative change a year (negative where lower is better)
     * @param scale        decimals kept
     */
    private record Definition(IndicatorCommand command, double level, double yearlyChange, int scale) {
    }
}
