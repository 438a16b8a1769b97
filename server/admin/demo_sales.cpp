#include "demo_sales.h"

#include "../crm/duplicate_rules.h"
#include "../db/pg_copy.h"
#include "demo_names.h"
#include "json_codec.h"
#include "quote_pricing.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace keel {

QDate demoAsOf()
{
    return QDate(2026, 11, 15);
}

namespace {

using namespace keel::demo;

constexpr std::uint64_t SalesSeed = DemoSeed ^ 0x53414C4553ULL; // "SALES"

// The history starts so that the first proposals fall into the 2025 rate card.
const QDate WindowStart(2024, 12, 16);
const QDate Card2026(2026, 1, 1);

// ---------------------------------------------------------------------------------------------
// Reference data

constexpr int RoleCount = 6; // job_roles of migration 0006, in sort order
constexpr std::array<const char *, RoleCount> RoleCodes = {
    "ANALYST", "CONSULTANT", "SENIOR_CONSULTANT", "MANAGER", "ARCHITECT", "PRINCIPAL"};
constexpr std::array<const char *, RoleCount> RoleNames = {
    "Analyst", "Consultant", "Senior consultant", "Manager", "Architect", "Principal"};
enum Role
{
    Analyst,
    Consultant,
    Senior,
    Manager,
    Architect,
    Principal
};

struct CountrySpec
{
    const char *entity;
    const char *country;
    const char *currency;
    const char *tld;
    const char *phonePrefix;
    std::array<int, RoleCount> bill2025; // whole currency units per hour
    std::array<int, RoleCount> cost2025;
    std::array<int, 3> paymentTerms;
    const char *taxStandard;
    const char *taxOther;
};

// Index = entity index of demo_firm.cpp (US, UK, DE).
const std::array<CountrySpec, 3> Countries = {{
    {"US",
     "US",
     "USD",
     "com",
     "+1 ",
     {120, 165, 210, 250, 275, 325},
     {70, 95, 120, 145, 160, 185},
     {30, 45, 60},
     "US_STANDARD",
     "US_EXEMPT"},
    {"UK",
     "GB",
     "GBP",
     "co.uk",
     "+44 ",
     {95, 130, 165, 195, 215, 255},
     {55, 75, 95, 115, 125, 145},
     {30, 30, 45},
     "UK_VAT_STANDARD",
     "UK_VAT_ZERO"},
    {"DE",
     "DE",
     "EUR",
     "de",
     "+49 ",
     {110, 150, 190, 225, 250, 295},
     {65, 88, 110, 135, 148, 170},
     {14, 30, 30},
     "DE_UST_STANDARD",
     "EU_REVERSE_CHARGE"},
}};

struct ServiceLineSpec
{
    const char *code;
    const char *name;
    const char *practice;
};

constexpr std::array<ServiceLineSpec, 4> ServiceLines = {{
    {"CLOUD_SERVICES", "Cloud & Infrastructure Services", "CLOUD"},
    {"DATA_AI", "Data & AI", "DATA"},
    {"APP_ENGINEERING", "Application Engineering", "APPS"},
    {"DIGITAL_ADVISORY", "Digital Advisory", "ADVISORY"},
}};

// The win patterns the opportunity model should find (insights_planted winning_service_line /
// losing_service_line): the log-odds of winning by service line — Data & AI wins about 60 %,
// Digital Advisory about 25 %, Cloud and Application Engineering about 35 % — plus
// large deals win less, small ones more, and some clients are loyal (win more) or shop
// around (win less), so a client's past record predicts its next deal. Modest discounts win
// more (generateQuotes). Overall about 40 % as before.
constexpr std::array<double, 4> PlantedLineLogOdds = {-0.6, 0.55, -0.9, -2.1};
constexpr int WinningLine = 1;
constexpr int LosingLine = 3;

// A deterministic draw in [0, 100) from two numbers: the planted patterns use it so that the
// generator's random stream, and with it every volume downstream, stays as it was.
int plantedDraw(std::uint64_t a, std::uint64_t b)
{
    SplitMix64 mix(a * 0x9e3779b97f4a7c15ULL ^ (b + 0x632be59bd9b4e019ULL));
    return int(mix.next() % 100);
}

struct EffortSpec
{
    int role;
    int hours;
};

struct MilestoneSpec
{
    const char *name;
    int pct;
    int week;
};

struct OfferingSpec
{
    const char *code;
    int line; // index into ServiceLines
    const char *name;
    const char *description;
    int weeks;
    const char *model;
    std::vector<EffortSpec> effort;
    std::vector<MilestoneSpec> milestones;
    std::vector<const char *> skills;
    int weight; // share of opportunities
    int targetMargin;
};

const std::vector<OfferingSpec> &offerings()
{
    static const std::vector<OfferingSpec> o = {
        {"CLOUD_MIGRATION",
         0,
         "Cloud migration",
         "Assess, plan and migrate a workload estate to AWS or Azure in waves, with a landing "
         "zone and hypercare.",
         16,
         "milestones",
         {{Manager, 160}, {Architect, 160}, {Senior, 480}, {Consultant, 640}},
         {{"Discovery and landing zone", 20, 3},
          {"Wave 1 migrated", 30, 8},
          {"Wave 2 migrated", 30, 13},
          {"Hypercare complete", 20, 16}},
         {"AWS", "Azure", "Terraform", "Kubernetes"},
         12,
         35},
        {"CLOUD_MANAGED",
         0,
         "Managed cloud operations",
         "24×7 operation of the client's cloud platform: monitoring, patching, cost control.",
         52,
         "subscription",
         {{Senior, 416}, {Consultant, 624}},
         {},
         {"AWS", "Azure", "Linux", "SRE"},
         7,
         30},
        {"PLATFORM_TEAM",
         0,
         "Platform engineering team",
         "A platform team building the client's internal developer platform.",
         26,
         "time_and_materials",
         {{Architect, 260}, {Senior, 1040}, {Consultant, 1040}},
         {},
         {"Kubernetes", "Terraform", "GitOps"},
         9,
         30},
        {"DATA_PLATFORM",
         1,
         "Modern data platform",
         "Design and build of a cloud data platform with ingestion, lakehouse and governance.",
         20,
         "fixed_fee",
         {{Manager, 200}, {Architect, 200}, {Senior, 600}, {Consultant, 800}, {Analyst, 400}},
         {{"Design approved", 30, 4}, {"Platform live", 40, 14}, {"Handover", 30, 20}},
         {"Databricks", "Snowflake", "dbt", "Python"},
         10,
         35},
        {"AI_POC",
         1,
         "AI proof of concept",
         "An eight-week proof of concept of a generative-AI or machine-learning use case.",
         8,
         "fixed_fee",
         {{Principal, 40}, {Senior, 240}, {Consultant, 240}},
         {{"Kick-off", 50, 0}, {"Demo day", 50, 8}},
         {"Python", "LLM", "MLOps"},
         8,
         35},
        {"ANALYTICS_TEAM",
         1,
         "Analytics and data science team",
         "Data engineers and analysts working in the client's backlog.",
         26,
         "time_and_materials",
         {{Senior, 520}, {Consultant, 1040}, {Analyst, 520}},
         {},
         {"SQL", "Power BI", "Python"},
         9,
         30},
        {"APP_MODERNISATION",
         2,
         "Application modernisation",
         "Re-platform and re-architect a line-of-business application in releases.",
         24,
         "milestones",
         {{Manager, 240}, {Architect, 240}, {Senior, 960}, {Consultant, 1440}},
         {{"Assessment", 15, 4}, {"Release 1", 35, 12}, {"Release 2", 35, 20}, {"Go-live", 15, 24}},
         {"Java", "Spring", "React", "Kubernetes"},
         10,
         35},
        {"APP_SUPPORT",
         2,
         "Application support retainer",
         "A monthly pool of support and small-change hours with a service level.",
         52,
         "retainer",
         {{Senior, 312}, {Consultant, 624}},
         {},
         {"Java", ".NET", "ITIL"},
         7,
         30},
        {"DELIVERY_SQUAD",
         2,
         "Agile delivery squad",
         "A cross-functional squad delivering the client's product backlog.",
         26,
         "time_and_materials",
         {{Manager, 520}, {Senior, 1040}, {Consultant, 1560}, {Analyst, 520}},
         {},
         {"React", "TypeScript", "Java", "Scrum"},
         12,
         30},
        {"DIGITAL_STRATEGY",
         3,
         "Digital strategy and roadmap",
         "Current-state assessment, target picture and a costed roadmap.",
         8,
         "fixed_fee",
         {{Principal, 120}, {Manager, 240}, {Consultant, 320}},
         {{"Findings", 50, 4}, {"Roadmap", 50, 8}},
         {"Strategy", "Enterprise architecture"},
         7,
         40},
        {"ARCH_REVIEW",
         3,
         "Architecture review",
         "A four-week review of a solution or platform architecture with recommendations.",
         4,
         "fixed_fee",
         {{Principal, 40}, {Architect, 120}},
         {{"Review report", 100, 4}},
         {"Enterprise architecture", "Security"},
         5,
         40},
        {"ADVISORY_RETAINER",
         3,
         "CIO advisory retainer",
         "Senior advisory hours each month for the client's CIO and leadership team.",
         52,
         "retainer",
         {{Principal, 192}, {Manager, 192}},
         {},
         {"Strategy", "IT governance"},
         4,
         40},
    };
    return o;
}

struct IndustrySpec
{
    const char *name;
    std::array<const char *, 3> english;
    std::array<const char *, 3> german;
};

constexpr std::array<IndustrySpec, 8> Industries = {{
    {"Financial services",
     {"Capital", "Financial", "Insurance"},
     {"Finanz", "Versicherung", "Bank"}},
    {"Retail", {"Retail", "Stores", "Outfitters"}, {"Handel", "Warenhaus", "Markt"}},
    {"Manufacturing",
     {"Industries", "Manufacturing", "Engineering"},
     {"Maschinenbau", "Werke", "Technik"}},
    {"Healthcare", {"Health", "Medical", "Care"}, {"Medizintechnik", "Pharma", "Klinik"}},
    {"Energy & utilities", {"Energy", "Power", "Utilities"}, {"Energie", "Stadtwerke", "Solar"}},
    {"Logistics", {"Logistics", "Freight", "Shipping"}, {"Logistik", "Spedition", "Transport"}},
    {"Media & telecom", {"Media", "Telecom", "Networks"}, {"Medien", "Telekom", "Netze"}},
    {"Software & technology",
     {"Software", "Systems", "Technologies"},
     {"Software", "Systeme", "Informatik"}},
}};

constexpr std::array UsPrefixes = {
    "Summit",    "Harbor",     "Pinnacle", "Redwood",   "Granite",     "Lakeshore", "Silverline",
    "Bluepeak",  "Ironbridge", "Crescent", "Northstar", "Evergreen",   "Keystone",  "Liberty",
    "Cascade",   "Meridian",   "Frontier", "Beacon",    "Sterling",    "Prairie",   "Atlas",
    "Horizon",   "Canyon",     "Cobalt",   "Westfield", "Brightwater", "Oakridge",  "Riverbend",
    "Stonegate", "Sunrise",    "Magnolia", "Bayview",   "Copperline",  "Eastgate",  "Highland",
    "Juniper",   "Lone Pine",  "Mesa",     "Paragon",   "Tidewater"};
constexpr std::array UkPrefixes = {
    "Thames",    "Albion",    "Pennine",  "Kingsway",   "Mersey",    "Cotswold", "Highgate",
    "Trent",     "Severn",    "Wessex",   "Chiltern",   "Brunel",    "Clyde",    "Greyfriars",
    "Harrow",    "Marlow",    "Ashdown",  "Bramble",    "Caledon",   "Dovecote", "Fenwick",
    "Holloway",  "Lindfield", "Moorgate", "Northcote",  "Redbridge", "Saltire",  "Tamar",
    "Wyvern",    "Yorkstone", "Avon",     "Blackwater", "Calder",    "Derwent",  "Exmoor",
    "Fairfield", "Glenmore",  "Hadley",   "Ivybridge",  "Kestrel"};
constexpr std::array DePrefixes = {
    "Rhein",    "Alster", "Nordlicht", "Bergmann",    "Elbtal",  "Isar",    "Spree",
    "Brandt",   "Falken", "Hanse",     "Lindner",     "Main",    "Neckar",  "Oder",
    "Taunus",   "Vogel",  "Weser",     "Zeppelin",    "Adler",   "Bavaria", "Eichen",
    "Feldberg", "Harz",   "Kronen",    "Mosel",       "Sonnen",  "Stern",   "Tannen",
    "Waldeck",  "Ulmen",  "Allgäu",    "Bodensee",    "Donau",   "Eifel",   "Fichtel",
    "Lahn",     "Ruhr",   "Saale",     "Schwarzwald", "Wendland"};

constexpr std::array<std::array<const char *, 4>, 3> LegalForms = {{
    {"Inc.", "LLC", "Corp.", "Inc."},
    {"Ltd", "plc", "Ltd", "Group Ltd"},
    {"GmbH", "AG", "SE", "GmbH & Co. KG"},
}};

constexpr std::array<std::array<const char *, 6>, 3> Regions = {{
    {"Pacific", "Atlantic", "Midwest", "Southern", "Northeast", "Western"},
    {"Northern", "Midlands", "Scotland", "Wales", "Southern", "Eastern"},
    {"Nord", "Süd", "West", "Ost", "Mitte", "Bayern"},
}};

constexpr std::array ContactTitlesEn = {"Chief Information Officer",
                                        "Chief Technology Officer",
                                        "Head of IT",
                                        "VP Engineering",
                                        "Head of Data",
                                        "Procurement Manager",
                                        "Programme Director",
                                        "IT Operations Manager",
                                        "Chief Digital Officer"};
constexpr std::array ContactTitlesDe = {
    "CIO",          "Leiterin IT",      "Leiter IT",      "Bereichsleiter Digitalisierung",
    "Head of Data", "Einkaufsleiterin", "Programmleiter", "IT-Betriebsleiter",
    "CTO"};

struct LossSpec
{
    const char *reason;
    bool competitor;
};

constexpr std::array<LossSpec, 8> LossReasons = {{
    {"Price: competitor came in lower", true},
    {"Technical fit: competitor's solution preferred", true},
    {"Incumbent supplier retained", true},
    {"No decision: project shelved", false},
    {"Budget cut by the client", false},
    {"Timing: client postponed to next year", false},
    {"Client chose to deliver in-house", false},
    {"Lost on references in the client's industry", true},
}};

constexpr std::array<std::array<const char *, 6>, 3> Competitors = {{
    {"Accenture", "Deloitte", "Slalom", "Cognizant", "EPAM", "Thoughtworks"},
    {"Capgemini", "Kainos", "BJSS", "Version 1", "Accenture", "Deloitte"},
    {"adesso", "Capgemini", "msg systems", "Accenture", "Sopra Steria", "MHP"},
}};

constexpr std::array<const char *, 5> LeadSources = {"web", "referral", "event", "outbound",
                                                     "partner"};

// Stage indices (opportunity_stages of migration 0006, in sort order).
enum Stage
{
    Qualify,
    Discover,
    Propose,
    Negotiate,
    Won,
    Lost,
    StageCount
};
constexpr std::array<const char *, StageCount> StageCodes = {"QUALIFY",   "DISCOVER", "PROPOSE",
                                                             "NEGOTIATE", "WON",      "LOST"};

// ---------------------------------------------------------------------------------------------
// Helpers

QString num(qint64 v)
{
    return QString::number(v);
}

// Where a client is billed (street, then town with its postcode) per entity country.
constexpr std::array<std::array<const char *, 8>, 3> Streets = {{
    {"Market Street", "Madison Avenue", "Peachtree Street", "Congress Avenue", "Michigan Avenue",
     "Pine Street", "Commerce Street", "Main Street"},
    {"High Street", "King Street", "Victoria Road", "Station Road", "Queen Street", "Deansgate",
     "Corporation Street", "Church Lane"},
    {"Hauptstraße", "Bahnhofstraße", "Schillerstraße", "Goethestraße", "Lindenallee",
     "Kaiserstraße", "Friedrichstraße", "Am Markt"},
}};
constexpr std::array<std::array<const char *, 8>, 3> Towns = {{
    {"New York, NY 10017", "Chicago, IL 60601", "Austin, TX 78701", "Boston, MA 02110",
     "Seattle, WA 98101", "Atlanta, GA 30303", "Denver, CO 80202", "San Francisco, CA 94105"},
    {"London EC2V 7HH", "Manchester M2 4WU", "Birmingham B2 4QA", "Leeds LS1 5AB",
     "Bristol BS1 4DJ", "Edinburgh EH2 2ER", "Glasgow G1 3SL", "Cambridge CB2 1TN"},
    {"10115 Berlin", "20095 Hamburg", "80331 München", "50667 Köln", "60311 Frankfurt am Main",
     "70173 Stuttgart", "40213 Düsseldorf", "04109 Leipzig"},
}};
constexpr std::array<const char *, 3> CountryNames = {"United States", "United Kingdom", "Germany"};

// A client's billing address and tax id (EIN, GB VAT number, USt-IdNr) from its position in
// the account list alone: drawing them from the generator's stream would shift every record
// generated after the accounts. Distinct positions give distinct tax ids.
std::pair<QString, QString> clientLegal(int entity, std::size_t index)
{
    std::uint64_t h = (index + 1) * 0x9E3779B97F4A7C15ULL;
    h ^= h >> 29;
    const auto e = std::size_t(entity);
    const QString street = QString::fromUtf8(Streets[e][h % 8]);
    const QString town = QString::fromUtf8(Towns[e][(h >> 8) % 8]);
    const int number = int((h >> 16) % 240) + 1;
    const qint64 serial = qint64(index) * 7919 + 104729; // injective in index
    switch (entity) {
    case 0:
        return {QStringLiteral("%1 %2, Suite %3\n%4\n%5")
                    .arg(number)
                    .arg(street)
                    .arg(100 * int((h >> 24) % 30 + 1) + int((h >> 32) % 20))
                    .arg(town, QString::fromUtf8(CountryNames[e])),
                QStringLiteral("%1-%2")
                    .arg(10 + serial % 89, 2, 10, QLatin1Char('0'))
                    .arg(serial % 10000000, 7, 10, QLatin1Char('0'))};
    case 1: {
        const QString digits =
            QStringLiteral("%1").arg(300000000 + serial, 9, 10, QLatin1Char('0'));
        return {QStringLiteral("%1 %2\n%3\n%4")
                    .arg(number)
                    .arg(street, town, QString::fromUtf8(CountryNames[e])),
                QStringLiteral("GB %1 %2 %3").arg(digits.left(3), digits.mid(3, 4), digits.mid(7))};
    }
    default:
        return {QStringLiteral("%1 %2\n%3\n%4")
                    .arg(street)
                    .arg(number)
                    .arg(town, QString::fromUtf8(CountryNames[e])),
                QStringLiteral("DE%1").arg(200000000 + serial, 9, 10, QLatin1Char('0'))};
    }
}

QString idOrNull(qint64 v)
{
    return v > 0 ? QString::number(v) : QString();
}

QString dstr(QDate d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}

// A timestamp during office hours of day d (UTC; minute of the day from the generator).
QString ts(QDate d, int minuteOfDay)
{
    return QStringLiteral("%1 %2:%3:00+00")
        .arg(d.toString(Qt::ISODate))
        .arg(minuteOfDay / 60, 2, 10, QLatin1Char('0'))
        .arg(minuteOfDay % 60, 2, 10, QLatin1Char('0'));
}

QString jsonText(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString jsonText(const QJsonArray &a)
{
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

template <typename T> T value(Result<T> r)
{
    return std::move(r).value(); // the generator's figures are far inside every range
}

Decimal dec(qint64 whole)
{
    return Decimal::fromInt(whole);
}

Decimal decText(const char *text)
{
    return value(Decimal::parse(QString::fromLatin1(text)));
}

QString textArray(const std::vector<const char *> &items)
{
    QStringList quoted;
    for (const char *s : items) {
        quoted << QLatin1Char('"') + QString::fromUtf8(s) + QLatin1Char('"');
    }
    return QLatin1Char('{') + quoted.join(QLatin1Char(',')) + QLatin1Char('}');
}

// A table filled in memory and COPYed in one go. Ids are taken from the identity sequence.
struct Table
{
    Table(const char *tableName, const char *columnList, bool identity = true)
        : name(QString::fromLatin1(tableName)), columns(QString::fromLatin1(columnList)),
          hasId(identity)
    {}

    QString name;
    QString columns; // without "id" when the table has an identity
    bool hasId = true;
    qint64 nextId = 0;
    qint64 firstId = 0;
    QList<QStringList> rows;

    qint64 add(QStringList row)
    {
        if (!hasId) {
            rows.append(std::move(row));
            return 0;
        }
        const qint64 id = nextId++;
        row.prepend(QString::number(id));
        rows.append(std::move(row));
        return id;
    }
};

struct UserRef
{
    qint64 id = 0;
    QString username;
    QString practice;
};

struct AccountGen
{
    qint64 id = 0;
    int entity = 0;
    int industry = 0;
    int tier = 0; // 0 key, 1 regular, 2 small
    QString name;
    QDate since;
    bool newLogo = false;
    qint64 owner = 0;
    qint64 firstContact = 0;
    QString firstContactName;
    QString firstContactEmail;
    QString domain;
    int paymentDays = 30;
    QString taxProfile;
    bool override2026 = false;
    int oppCount = 0;
};

struct OppGen
{
    qint64 id = 0;
    int account = 0;
    int offering = 0;
    int sizeQuarters = 4; // effort = template × sizeQuarters / 4
    qint64 owner = 0;
    QDate created;
    std::vector<std::pair<int, QDate>> path; // stages reached, in order, with dates
    int outcome = 0;                         // 0 open, 1 won, 2 lost
    QDate expectedClose;
    int lossReason = -1;
    int competitor = -1;
    std::array<int, RoleCount> hours{};
    Money value;
    qint64 acceptedQuote = 0;
    QList<qint64> acceptedQuoteLines; // role lines first, in role order
    pricing::Totals acceptedTotals;
    QList<pricing::Line> acceptedLines;
    Decimal discount;
};

class SalesGenerator
{
public:
    SalesGenerator(QSqlDatabase &db, int scale, int from, int to,
                   const std::function<void(int, const QString &)> &progress)
        : m_db(db), m_scale(scale), m_from(from), m_to(to), m_progress(progress), m_rng(SalesSeed)
    {}

    bool run(DemoSalesCounts *counts, QString *error)
    {
        const bool ok = generateAndLoad();
        if (!ok && error != nullptr) {
            *error = m_error;
        }
        if (ok && counts != nullptr) {
            *counts = m_counts;
        }
        return ok;
    }

private:
    // ---- plumbing --------------------------------------------------------------------------

    void step(int permille, const QString &name)
    {
        m_step = name;
        if (m_progress) {
            m_progress(m_from + (m_to - m_from) * permille / 1000, name);
        }
    }

    bool fail(const QString &what)
    {
        m_error = QStringLiteral("%1: %2").arg(m_step, what);
        return false;
    }

    bool exec(QSqlQuery &q, const QString &sql)
    {
        return q.exec(sql) || fail(QStringLiteral("%1 [%2]").arg(q.lastError().text(),
                                                                 sql.simplified().left(120)));
    }

    bool reserve(Table &t)
    {
        if (!t.hasId) {
            return true;
        }
        QSqlQuery q(m_db);
        if (!exec(
                q,
                QStringLiteral("SELECT nextval(pg_get_serial_sequence('%1', 'id'))").arg(t.name))) {
            return false;
        }
        q.next();
        t.firstId = t.nextId = q.value(0).toLongLong();
        return true;
    }

    bool copy(Table &t)
    {
        {
            PgCopy c(m_db,
                     QStringLiteral("COPY %1 (%2%3) FROM STDIN")
                         .arg(t.name, t.hasId ? QStringLiteral("id, ") : QString(), t.columns));
            for (const QStringList &row : std::as_const(t.rows)) {
                c.addRow(row);
            }
            if (QString e; !c.finish(&e)) {
                return fail(QStringLiteral("%1: %2").arg(t.name, e));
            }
        }
        if (t.hasId && t.nextId > t.firstId) {
            QSqlQuery q(m_db);
            if (!exec(q, QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', 'id'), %2)")
                             .arg(t.name)
                             .arg(t.nextId - 1))) {
                return false;
            }
        }
        t.rows.clear();
        t.rows.squeeze();
        return true;
    }

    int below(int n) { return int(m_rng.below(std::uint32_t(std::max(n, 1)))); }
    bool chance(int percent) { return below(100) < percent; }
    int between(int lo, int hi) { return lo + below(hi - lo + 1); } // inclusive
    int minute() { return 8 * 60 + below(10 * 60); }                // 08:00 .. 17:59

    template <typename A> QString pick(const A &a)
    {
        return QString::fromUtf8(a[std::size_t(below(int(a.size())))]);
    }

    Currency currencyOf(int entity) const
    {
        return value(
            Currency::fromCode(QString::fromLatin1(Countries[std::size_t(entity)].currency)));
    }

    // ---- reference data read from the database -----------------------------------------------

    bool readReference()
    {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (!exec(q, QStringLiteral("SELECT id, code FROM legal_entities"))) {
            return false;
        }
        while (q.next()) {
            for (std::size_t e = 0; e < Countries.size(); ++e) {
                if (q.value(1).toString() == QLatin1String(Countries[e].entity)) {
                    m_entityIds[e] = q.value(0).toLongLong();
                }
            }
        }
        if (!exec(q, QStringLiteral("SELECT id, code FROM practices"))) {
            return false;
        }
        while (q.next()) {
            m_practiceIds.insert(q.value(1).toString(), q.value(0).toLongLong());
        }
        if (!exec(q, QStringLiteral("SELECT id, code FROM job_roles"))) {
            return false;
        }
        while (q.next()) {
            for (int r = 0; r < RoleCount; ++r) {
                if (q.value(1).toString() == QLatin1String(RoleCodes[std::size_t(r)])) {
                    m_roleIds[std::size_t(r)] = q.value(0).toLongLong();
                }
            }
        }
        if (!exec(q, QStringLiteral("SELECT id, code, default_probability FROM "
                                    "opportunity_stages"))) {
            return false;
        }
        while (q.next()) {
            for (int s = 0; s < StageCount; ++s) {
                if (q.value(1).toString() == QLatin1String(StageCodes[std::size_t(s)])) {
                    m_stageIds[std::size_t(s)] = q.value(0).toLongLong();
                    m_stageProb[std::size_t(s)] = q.value(2).toString();
                }
            }
        }
        // Users by job, ordered by id so that the picks are deterministic.
        if (!exec(q, QStringLiteral("SELECT u.id, u.username, e.code, r.role, p.code "
                                    "FROM user_roles r JOIN users u ON u.id = r.user_id "
                                    "JOIN legal_entities e ON e.id = u.legal_entity_id "
                                    "LEFT JOIN practices p ON p.id = u.practice_id "
                                    "WHERE u.active ORDER BY u.id, r.role"))) {
            return false;
        }
        while (q.next()) {
            const UserRef u{q.value(0).toLongLong(), q.value(1).toString(), q.value(4).toString()};
            const QString entity = q.value(2).toString();
            const QString role = q.value(3).toString();
            int e = -1;
            for (std::size_t i = 0; i < Countries.size(); ++i) {
                if (entity == QLatin1String(Countries[i].entity)) {
                    e = int(i);
                }
            }
            if (u.username == QLatin1String("admin")) {
                m_admin = u.id;
            } else if (u.username == QLatin1String("ceo")) {
                m_ceo = u.id;
            } else if (u.username == QLatin1String("salesdir")) {
                m_salesDir = u.id;
            } else if (u.username == QLatin1String("sales")) {
                m_fixedSales = u.id;
            } else if (u.username == QLatin1String("pm") &&
                       role == QLatin1String("project_manager")) {
                m_fixedPm = u.id;
            }
            if (e < 0 || u.username == QLatin1String("salesdir")) {
                continue;
            }
            if (role == QLatin1String("sales")) {
                m_sales[std::size_t(e)].push_back(u);
            } else if (role == QLatin1String("sales_director")) {
                m_directors[std::size_t(e)].push_back(u);
            } else if (role == QLatin1String("project_manager")) {
                m_pms[std::size_t(e)].push_back(u);
            }
        }
        for (std::size_t e = 0; e < Countries.size(); ++e) {
            if (m_entityIds[e] == 0 || m_sales[e].empty() || m_pms[e].empty()) {
                return fail(QStringLiteral("entity %1 lacks sales people or project managers")
                                .arg(QLatin1String(Countries[e].entity)));
            }
        }
        for (const qint64 id : m_roleIds) {
            if (id == 0) {
                return fail(QStringLiteral("job roles of migration 0006 missing"));
            }
        }
        for (const qint64 id : m_stageIds) {
            if (id == 0) {
                return fail(QStringLiteral("opportunity stages of migration 0006 missing"));
            }
        }
        if (m_admin == 0 || m_ceo == 0 || m_salesDir == 0) {
            return fail(QStringLiteral("the fixed demo accounts are missing"));
        }
        return true;
    }

    // ---- rates -------------------------------------------------------------------------------

    // Bill rate of the 2025 / 2026 card: 2026 is 5 % up, to the nearest 5.
    int billRate(int entity, int role, int year) const
    {
        const int r = Countries[std::size_t(entity)].bill2025[std::size_t(role)];
        return year < 2026 ? r : (r * 105 + 250) / 500 * 5;
    }

    // Standard cost rate: 2026 is 4 % up (two decimal places).
    Decimal costRate(int entity, int role, QDate d) const
    {
        const Decimal c = dec(Countries[std::size_t(entity)].cost2025[std::size_t(role)]);
        return d < Card2026 ? c : value(c.multiply(decText("1.04")));
    }

    // A key account's negotiated 2026 rate: 8 % below the card, to the nearest whole unit.
    Decimal overrideRate(int entity, int role) const
    {
        return dec((billRate(entity, role, 2026) * 92 + 50) / 100);
    }

    // The rate a quote line uses on day d, and where it came from.
    std::pair<Decimal, const char *> quoteRate(const AccountGen &a, int role, QDate d) const
    {
        if (a.override2026 && d >= Card2026) {
            return {overrideRate(a.entity, role), "client_override"};
        }
        return {dec(billRate(a.entity, role, d.year())), "rate_card"};
    }

    // ---- generation --------------------------------------------------------------------------

    bool generateAndLoad();
    bool loadCatalogueAndRates();
    void generateAccounts();
    void generateOpportunities();
    void generateQuotes(OppGen &o);
    void generateContract(OppGen &o);
    void generateLeadsAndActivities();
    qint64 approvalRequest(const QString &type, const QString &documentId, int entity,
                           qint64 practice, qint64 submitter, const QString &title,
                           const QJsonObject &facts, const QList<QPair<QString, QString>> &chain,
                           QDate submitted, bool decided);
    QString contactName(int entity);

    QSqlDatabase &m_db;
    int m_scale;
    int m_from;
    int m_to;
    const std::function<void(int, const QString &)> &m_progress;
    SplitMix64 m_rng;
    QString m_step;
    QString m_error;
    DemoSalesCounts m_counts;

    std::array<qint64, 3> m_entityIds{};
    QHash<QString, qint64> m_practiceIds;
    std::array<qint64, RoleCount> m_roleIds{};
    std::array<qint64, StageCount> m_stageIds{};
    std::array<QString, StageCount> m_stageProb;
    std::array<std::vector<UserRef>, 3> m_sales;
    std::array<std::vector<UserRef>, 3> m_directors;
    std::array<std::vector<UserRef>, 3> m_pms;
    qint64 m_admin = 0, m_ceo = 0, m_salesDir = 0, m_fixedSales = 0, m_fixedPm = 0;

    std::vector<qint64> m_serviceLineIds;
    std::vector<qint64> m_offeringIds;
    std::vector<AccountGen> m_accounts;
    std::vector<OppGen> m_opps;
    std::array<std::vector<int>, 3> m_accountsByEntity;
    // (entity, year) → last contract number
    QMap<QPair<int, int>, int> m_counters;

    Table m_accountsT{"accounts",
                      "legal_entity_id, name, name_norm, domain, parent_id, industry, country, "
                      "billing_currency, payment_terms_days, tax_profile, owner_id, created_at, "
                      "updated_at, billing_address, tax_id"};
    Table m_contactsT{"contacts", "account_id, name, email, phone, title, created_at, updated_at"};
    Table m_overridesT{"client_rate_overrides",
                       "account_id, currency, job_role_id, hourly_rate, valid_from, valid_to, "
                       "created_by, created_at, updated_at"};
    Table m_oppsT{"opportunities",
                  "legal_entity_id, account_id, owner_id, practice_id, offering_id, name, "
                  "description, stage_id, is_open, probability, expected_value, currency, "
                  "expected_close, expected_start, required_skills, target_margin_pct, "
                  "loss_reason, competitor, created_by, created_at, updated_at, version"};
    Table m_oppLinesT{"opportunity_service_lines", "opportunity_id, service_line_id", false};
    Table m_oppEffortT{"opportunity_effort", "opportunity_id, job_role_id, hours", false};
    Table m_historyT{"opportunity_stage_history",
                     "opportunity_id, from_stage_id, to_stage_id, probability, loss_reason, "
                     "changed_by, changed_at"};
    Table m_leadsT{"leads",
                   "legal_entity_id, source, status, company, contact_name, email, phone, notes, "
                   "owner_id, converted_account_id, converted_contact_id, "
                   "converted_opportunity_id, converted_at, created_at, updated_at"};
    Table m_activitiesT{"activities",
                        "account_id, opportunity_id, kind, subject, body, due_date, done, "
                        "done_at, created_by, created_at, updated_at"};
    Table m_requestsT{"approval_requests",
                      "document_type, document_id, legal_entity_id, practice_id, submitter_id, "
                      "title, facts, status, current_step, submitted_at, decided_at"};
    Table m_stepsT{"approval_steps",
                   "request_id, step_order, role, reason, status, decided_by, decided_at, "
                   "comment"};
    Table m_quotesT{"quotes",
                    "opportunity_id, version_no, legal_entity_id, account_id, title, currency, "
                    "quote_date, status, discount_pct, list_value, discount_value, net_value, "
                    "cost_value, margin_value, margin_pct, notes, approval_request_id, "
                    "submitted_by, submitted_at, decided_at, accepted_at, created_by, "
                    "created_at, updated_at, version"};
    Table m_quoteLinesT{"quote_lines",
                        "quote_id, line_no, kind, description, job_role_id, hours, rate, "
                        "rate_source, cost_rate, list_amount, cost_amount"};
    Table m_contractsT{"contracts",
                       "legal_entity_id, account_id, quote_id, opportunity_id, offering_id, "
                       "practice_id, project_manager_id, number, title, currency, payment_terms, "
                       "tax_profile, start_date, end_date, signature_date, status, total_value, "
                       "contract_version, created_by, created_at, updated_at, version"};
    Table m_contractLinesT{"contract_lines",
                           "contract_id, line_no, description, billing_model, value, "
                           "quote_line_id, job_role_id, hours, rate, cost_rate, cost_amount, "
                           "rate_list, not_to_exceed, monthly_amount, drawdown_hours, rollover, "
                           "fee_per_period, period, start_date, end_date"};
    Table m_itemsT{"contract_line_items",
                   "line_id, contract_id, kind, seq, name, amount, due_date, job_role_id, rate"};
    Table m_versionsT{"contract_versions",
                      "contract_id, contract_version, total_value, start_date, end_date, lines, "
                      "change_order_id, created_by, created_at",
                      false};
    Table m_changeOrdersT{"contract_change_orders",
                          "contract_id, legal_entity_id, base_version, status, reason, changes, "
                          "value_before, value_after, approval_request_id, decision_comment, "
                          "submitted_by, submitted_at, decided_at"};
    Table m_countersT{"contract_number_counters", "legal_entity_id, year, last_number", false};
    Table m_projectsT{"projects",
                      "legal_entity_id, account_id, contract_id, practice_id, "
                      "project_manager_id, name, currency, start_date, end_date, status, "
                      "created_at, updated_at"};
    Table m_budgetVersionsT{"project_budget_versions",
                            "project_id, budget_version, reason, contract_version, created_at"};
    Table m_budgetLinesT{"project_budget_lines",
                         "budget_version_id, job_role_id, phase_id, hours, cost, revenue"};
    Table m_milestonesT{"project_milestones",
                        "project_id, contract_line_id, seq, name, amount, currency, "
                        "planned_date, actual_date, state"};
    Table m_billingRulesT{"project_billing_rules",
                          "project_id, contract_line_id, billing_model, reference, value"};
    Table m_requestsResT{"resource_requests",
                         "legal_entity_id, project_id, job_role_id, hours_per_week, "
                         "total_hours, start_date, end_date, skills, kind, status, created_at"};
};

QString SalesGenerator::contactName(int entity)
{
    if (entity == 2) {
        return pick(GermanFirstNames) + QLatin1Char(' ') + pick(GermanLastNames);
    }
    return pick(EnglishFirstNames) + QLatin1Char(' ') + pick(EnglishLastNames);
}

// Approval chains as the workflow service builds them from the demo policies of migration 0004.
qint64 SalesGenerator::approvalRequest(const QString &type, const QString &documentId, int entity,
                                       qint64 practice, qint64 submitter, const QString &title,
                                       const QJsonObject &facts,
                                       const QList<QPair<QString, QString>> &chain, QDate submitted,
                                       bool decided)
{
    const int submitMinute = minute();
    QDate decidedOn = submitted.addDays(between(0, 2));
    if (decidedOn > demoAsOf()) {
        decidedOn = demoAsOf();
    }
    const qint64 id = m_requestsT.add(
        {type, documentId, num(m_entityIds[std::size_t(entity)]), idOrNull(practice),
         num(submitter), title, jsonText(facts),
         decided ? QStringLiteral("approved") : QStringLiteral("pending"),
         decided ? QStringLiteral("0") : QStringLiteral("1"), ts(submitted, submitMinute),
         decided ? ts(decidedOn, std::min(submitMinute + 60, 23 * 60)) : QString()});
    int order = 1;
    for (const auto &[role, reason] : chain) {
        qint64 decider = 0;
        if (decided) {
            if (role == QLatin1String("executive")) {
                decider = m_ceo;
            } else {
                const auto &dirs = m_directors[std::size_t(entity)];
                decider = (dirs.empty() || chance(60))
                              ? m_salesDir
                              : dirs[std::size_t(below(int(dirs.size())))].id;
            }
            if (decider == submitter) {
                decider = m_salesDir; // nobody approves their own submission
            }
        }
        m_stepsT.add(
            {num(id), num(order), role, reason,
             decided ? QStringLiteral("approved") : QStringLiteral("pending"), idOrNull(decider),
             decided ? ts(decidedOn, std::min(submitMinute + 30 + order * 20, 23 * 60)) : QString(),
             decided ? QStringLiteral("Approved.") : QString()});
        ++order;
    }
    return id;
}

bool SalesGenerator::loadCatalogueAndRates()
{
    step(20, QStringLiteral("Rate cards and cost rates"));
    Table costs{"job_role_costs",
                "job_role_id, legal_entity_id, currency, hourly_cost, valid_from, valid_to"};
    Table cards{"rate_card_rates",
                "legal_entity_id, currency, job_role_id, hourly_rate, valid_from, valid_to, "
                "created_by, created_at, updated_at"};
    if (!reserve(costs) || !reserve(cards)) {
        return false;
    }
    for (int e = 0; e < 3; ++e) {
        const CountrySpec &c = Countries[std::size_t(e)];
        for (int r = 0; r < RoleCount; ++r) {
            const QString entity = num(m_entityIds[std::size_t(e)]);
            const QString role = num(m_roleIds[std::size_t(r)]);
            const QString cur = QString::fromLatin1(c.currency);
            costs.add({role, entity, cur, costRate(e, r, QDate(2025, 1, 1)).toString(),
                       QStringLiteral("2025-01-01"), QStringLiteral("2025-12-31")});
            costs.add({role, entity, cur, costRate(e, r, Card2026).toString(),
                       QStringLiteral("2026-01-01"), QString()});
            cards.add({entity, cur, role, num(billRate(e, r, 2025)), QStringLiteral("2025-01-01"),
                       QStringLiteral("2025-12-31"), num(m_admin),
                       QStringLiteral("2024-12-02 09:00:00+00"),
                       QStringLiteral("2024-12-02 09:00:00+00")});
            cards.add({entity, cur, role, num(billRate(e, r, 2026)), QStringLiteral("2026-01-01"),
                       QString(), num(m_admin), QStringLiteral("2025-12-01 09:00:00+00"),
                       QStringLiteral("2025-12-01 09:00:00+00")});
        }
    }
    if (!copy(costs) || !copy(cards)) {
        return false;
    }

    step(40, QStringLiteral("Service catalogue"));
    Table lines{"service_lines", "code, name, practice_id"};
    Table offs{"offerings",
               "service_line_id, code, name, description, typical_duration_weeks, billing_model"};
    Table effort{"offering_effort", "offering_id, job_role_id, hours", false};
    Table miles{"offering_milestones", "offering_id, seq, name, value_pct, week_offset"};
    if (!reserve(lines) || !reserve(offs) || !reserve(miles)) {
        return false;
    }
    for (const ServiceLineSpec &s : ServiceLines) {
        m_serviceLineIds.push_back(
            lines.add({QString::fromLatin1(s.code), QString::fromUtf8(s.name),
                       num(m_practiceIds.value(QString::fromLatin1(s.practice)))}));
    }
    for (const OfferingSpec &o : offerings()) {
        const qint64 id =
            offs.add({num(m_serviceLineIds[std::size_t(o.line)]), QString::fromLatin1(o.code),
                      QString::fromUtf8(o.name), QString::fromUtf8(o.description), num(o.weeks),
                      QString::fromLatin1(o.model)});
        m_offeringIds.push_back(id);
        for (const EffortSpec &f : o.effort) {
            effort.add({num(id), num(m_roleIds[std::size_t(f.role)]), num(f.hours)});
        }
        int seq = 1;
        for (const MilestoneSpec &m : o.milestones) {
            miles.add({num(id), num(seq++), QString::fromUtf8(m.name), num(m.pct), num(m.week)});
        }
    }
    if (!copy(lines) || !copy(offs) || !copy(effort) || !copy(miles)) {
        return false;
    }
    QSqlQuery planted(m_db);
    return exec(planted,
                QStringLiteral("INSERT INTO insights_planted (kind, subject_id, detail) VALUES "
                               "('winning_service_line', %1, 'won about 60 % of closed deals'), "
                               "('losing_service_line', %2, 'won about 25 % of closed deals')")
                    .arg(m_serviceLineIds[std::size_t(WinningLine)])
                    .arg(m_serviceLineIds[std::size_t(LosingLine)]));
}

void SalesGenerator::generateAccounts()
{
    const int total = DemoAccountsPerScale * m_scale;
    QSet<QString> names;
    QSet<QString> domains;
    for (int i = 0; i < total; ++i) {
        AccountGen a;
        a.entity = std::array<int, 4>{0, 1, 0, 2}[std::size_t(i % 4)];
        const int e = a.entity;
        a.industry = below(int(Industries.size()));
        a.tier = chance(12) ? 0 : (chance(55) ? 1 : 2);
        const IndustrySpec &ind = Industries[std::size_t(a.industry)];
        QString base;
        for (int attempt = 0;; ++attempt) {
            const QString prefix = e == 0   ? pick(UsPrefixes)
                                   : e == 1 ? pick(UkPrefixes)
                                            : pick(DePrefixes);
            const QString noun = QString::fromUtf8(e == 2 ? ind.german[std::size_t(below(3))]
                                                          : ind.english[std::size_t(below(3))]);
            base = prefix + QLatin1Char(' ') + noun;
            if (attempt >= 6) {
                base += QLatin1Char(' ') +
                        QString::fromUtf8(Regions[std::size_t(e)][std::size_t(attempt % 6)]);
            }
            if (attempt >= 12) {
                base += QLatin1Char(' ') + num(attempt);
            }
            const QString dom = asciiFold(base).toLower() + QLatin1Char('.') +
                                QString::fromLatin1(Countries[std::size_t(e)].tld);
            if (!names.contains(base) && !domains.contains(dom)) {
                a.domain = dom;
                break;
            }
        }
        names.insert(base);
        domains.insert(a.domain);
        a.name = base + QLatin1Char(' ') + pick(LegalForms[std::size_t(e)]);
        // Long-standing clients since 2016..2024; a quarter are new logos won from leads.
        a.newLogo = chance(25);
        a.since = a.newLogo ? WindowStart.addDays(between(0, 540))
                            : QDate(2016, 1, 4).addDays(between(0, 8 * 365));
        // (New logos convert early enough for their first deal to close before demoAsOf().)
        const auto &sellers = m_sales[std::size_t(e)];
        a.owner = (e == 0 && m_fixedSales != 0 && chance(20))
                      ? m_fixedSales
                      : sellers[std::size_t(below(int(sellers.size())))].id;
        const CountrySpec &c = Countries[std::size_t(e)];
        a.paymentDays = c.paymentTerms[std::size_t(below(3))];
        a.taxProfile = QString::fromLatin1(chance(92) ? c.taxStandard : c.taxOther);
        a.override2026 = a.tier == 0 && chance(50);
        m_accounts.push_back(a);
    }

    // Groups: some regular accounts become subsidiaries of a key account (possibly abroad).
    std::vector<qint64> parentOf(m_accounts.size(), -1);
    std::vector<int> keys;
    for (std::size_t i = 0; i < m_accounts.size(); ++i) {
        if (m_accounts[i].tier == 0) {
            keys.push_back(int(i));
        }
    }

    for (std::size_t i = 0; i < m_accounts.size(); ++i) {
        AccountGen &a = m_accounts[i];
        a.id = m_accountsT.nextId; // ids follow the vector order
        m_accountsT.nextId++;
        m_accountsByEntity[std::size_t(a.entity)].push_back(int(i));
    }
    m_accountsT.nextId = m_accountsT.firstId;
    for (std::size_t i = 0; i < m_accounts.size(); ++i) {
        AccountGen &a = m_accounts[i];
        qint64 parent = 0;
        if (a.tier == 2 && !keys.empty() && chance(10)) {
            const int k = keys[std::size_t(below(int(keys.size())))];
            if (std::size_t(k) != i) {
                parent = m_accounts[std::size_t(k)].id;
                // A subsidiary carries its group's brand.
                const QString brand =
                    m_accounts[std::size_t(k)].name.section(QLatin1Char(' '), 0, 0);
                if (!a.name.startsWith(brand)) {
                    QString named = brand + QLatin1Char(' ') + a.name;
                    if (!names.contains(named) && named.size() <= 200) {
                        names.insert(named);
                        a.name = named;
                    }
                }
            }
        }
        const QString norm = crm::normaliseAccountName(a.name);
        const QString created = ts(a.since, minute());
        const auto [address, taxId] = clientLegal(a.entity, i);
        const qint64 id = m_accountsT.add(
            {num(m_entityIds[std::size_t(a.entity)]), a.name, norm, a.domain, idOrNull(parent),
             QString::fromUtf8(Industries[std::size_t(a.industry)].name),
             QString::fromLatin1(Countries[std::size_t(a.entity)].country),
             QString::fromLatin1(Countries[std::size_t(a.entity)].currency), num(a.paymentDays),
             a.taxProfile, num(a.owner), created, created, address, taxId});
        Q_ASSERT(id == a.id);
        // Contacts: the first one handles invoices (the billing contact).
        const int contacts = a.tier == 0 ? between(3, 5) : between(1, 3);
        for (int c = 0; c < contacts; ++c) {
            const QString name = contactName(a.entity);
            const QString email = asciiFold(name.section(QLatin1Char(' '), 0, 0)).toLower() +
                                  QLatin1Char('.') +
                                  asciiFold(name.section(QLatin1Char(' '), 1)).toLower() +
                                  QLatin1Char('@') + a.domain;
            const QString title =
                c == 0 ? (a.entity == 2 ? QStringLiteral("Leiterin Finanzbuchhaltung")
                                        : QStringLiteral("Accounts Payable Manager"))
                       : (a.entity == 2 ? pick(ContactTitlesDe) : pick(ContactTitlesEn));
            const QString phone =
                QString::fromLatin1(Countries[std::size_t(a.entity)].phonePrefix) +
                QStringLiteral("%1 %2 %3")
                    .arg(between(20, 989))
                    .arg(between(100, 999))
                    .arg(between(1000, 9999));
            const qint64 cid =
                m_contactsT.add({num(a.id), name, email, phone, title, created, created});
            if (c == 0) {
                a.firstContact = cid;
                a.firstContactName = name;
                a.firstContactEmail = email;
            }
        }
        if (a.override2026) {
            for (int r = 0; r < RoleCount; ++r) {
                m_overridesT.add(
                    {num(a.id), QString::fromLatin1(Countries[std::size_t(a.entity)].currency),
                     num(m_roleIds[std::size_t(r)]), overrideRate(a.entity, r).toString(),
                     QStringLiteral("2026-01-01"), QString(), num(m_admin),
                     QStringLiteral("2025-12-15 10:00:00+00"),
                     QStringLiteral("2025-12-15 10:00:00+00")});
            }
        }
    }
    m_counts.accounts = int(m_accounts.size());
    m_counts.contacts = int(m_contactsT.rows.size());
}

void SalesGenerator::generateOpportunities()
{
    const QDate asOf = demoAsOf();
    const int closed = 1000 * m_scale;
    const int open = 300 * m_scale;
    // Account picks weighted by tier (key accounts buy more); new logos get their first deal.
    std::vector<int> weighted;
    for (std::size_t i = 0; i < m_accounts.size(); ++i) {
        const int w = m_accounts[i].tier == 0 ? 8 : (m_accounts[i].tier == 1 ? 3 : 1);
        weighted.insert(weighted.end(), std::size_t(w), int(i));
    }
    int offeringWeights = 0;
    for (const OfferingSpec &o : offerings()) {
        offeringWeights += o.weight;
    }

    for (int n = 0; n < closed + open; ++n) {
        OppGen o;
        // New logos first (one deal each, starting on the day they were converted).
        const bool firstOfNewLogo =
            n < int(m_accounts.size()) && m_accounts[std::size_t(n)].newLogo;
        o.account = firstOfNewLogo ? n : weighted[std::size_t(below(int(weighted.size())))];
        AccountGen &a = m_accounts[std::size_t(o.account)];
        int pickO = below(offeringWeights);
        for (std::size_t k = 0; k < offerings().size(); ++k) {
            if (pickO < offerings()[k].weight) {
                o.offering = int(k);
                break;
            }
            pickO -= offerings()[k].weight;
        }
        const OfferingSpec &spec = offerings()[std::size_t(o.offering)];
        const bool recurring = QLatin1String(spec.model) == QLatin1String("retainer") ||
                               QLatin1String(spec.model) == QLatin1String("subscription");
        o.sizeQuarters = recurring ? between(2, 6) : between(2, a.tier == 0 ? 12 : 7);
        o.owner = (chance(85) || a.entity != 0) ? a.owner : m_fixedSales;
        if (o.owner == 0) {
            o.owner = a.owner;
        }
        for (const EffortSpec &f : spec.effort) {
            o.hours[std::size_t(f.role)] = std::max(8, (f.hours * o.sizeQuarters + 2) / 4);
        }

        // Stage durations (days) QUALIFY→DISCOVER→PROPOSE→NEGOTIATE→close.
        const std::array<int, 4> gaps = {between(7, 21), between(10, 30), between(7, 25),
                                         between(7, 30)};
        const bool wantOpen = n >= closed;
        const QDate earliest = std::max(WindowStart, a.since);
        if (!wantOpen) {
            // Won about 40 % overall, by the planted patterns (PlantedLineLogOdds); lost at the
            // stage they had reached. The stream is drawn exactly as the plain 40 % drew it (the
            // lost stage and reason only when that draw said lost), and the planted outcome and
            // anything it needs beyond those draws come from plantedDraw: every deal keeps the
            // size, dates and order it had, only who wins moves.
            const bool drawnWon = chance(40);
            const int clientTrait = plantedDraw(std::uint64_t(o.account), 1);
            int totalHours = 0;
            for (const int h : o.hours) {
                totalHours += h;
            }
            const double logOdds = PlantedLineLogOdds[std::size_t(spec.line)] +
                                   (clientTrait < 30 ? 1.4 : (clientTrait >= 80 ? -1.4 : 0.0)) +
                                   (totalHours >= 3000 ? -1.0 : (totalHours <= 1000 ? 0.5 : 0.0));
            const bool won = plantedDraw(std::uint64_t(n), 3) <
                             int(std::lround(100.0 / (1.0 + std::exp(-logOdds))));
            const int r = drawnWon ? plantedDraw(std::uint64_t(n), 4) : below(100);
            const int last =
                won ? Negotiate
                    : (r < 25 ? Qualify : (r < 55 ? Discover : (r < 85 ? Propose : Negotiate)));
            int span = gaps[3];
            for (int s = 0; s < last; ++s) {
                span += gaps[std::size_t(s)];
            }
            const QDate latest = asOf.addDays(-3 - span);
            const QDate lo = firstOfNewLogo ? a.since : earliest;
            if (lo > latest) {
                continue; // no room in the history; the pipeline gets others
            }
            o.created = firstOfNewLogo ? a.since : lo.addDays(below(int(lo.daysTo(latest)) + 1));
            QDate d = o.created;
            for (int s = 0; s <= last; ++s) {
                o.path.push_back({s, d});
                d = d.addDays(gaps[std::size_t(s < last ? s : 3)]); // the last gap: to the close
            }
            o.path.push_back({won ? Won : Lost, d});
            o.outcome = won ? 1 : 2;
            o.expectedClose = d;
            int reason = -1, competitor = -1;
            if (!drawnWon) {
                reason = below(int(LossReasons.size()));
                if (LossReasons[std::size_t(reason)].competitor) {
                    competitor = below(6);
                }
            } else if (!won) {
                reason = plantedDraw(std::uint64_t(n), 5) % int(LossReasons.size());
                if (LossReasons[std::size_t(reason)].competitor) {
                    competitor = plantedDraw(std::uint64_t(n), 6) % 6;
                }
            }
            if (!won) {
                o.lossReason = reason;
                o.competitor = competitor;
            }
        } else {
            const int r = below(100);
            const int at = r < 30 ? Qualify : (r < 58 ? Discover : (r < 83 ? Propose : Negotiate));
            int span = between(0, 20);
            for (int s = 0; s < at; ++s) {
                span += gaps[std::size_t(s)];
            }
            QDate created = asOf.addDays(-span);
            if (created < earliest) {
                created = earliest;
            }
            o.created = created;
            QDate d = created;
            for (int s = 0; s <= at; ++s) {
                o.path.push_back({s, std::min(d, asOf)});
                d = d.addDays(gaps[std::size_t(std::min(s, 3))]);
            }
            o.outcome = 0;
            o.expectedClose = asOf.addDays((4 - at) * between(10, 40) + between(5, 20));
            // Some competitors are known early.
            if (at >= Propose && chance(40)) {
                o.competitor = below(6);
            }
        }
        o.id = m_oppsT.firstId + qint64(m_opps.size()); // m_oppsT.add() gives the same
        ++a.oppCount;
        m_opps.push_back(std::move(o));
    }
}

// Quotes for opportunities that reached PROPOSE: version 1 at PROPOSE, version 2 at NEGOTIATE
// for some. Priced by keel::pricing, exactly as the server does.
void SalesGenerator::generateQuotes(OppGen &o)
{
    const AccountGen &a = m_accounts[std::size_t(o.account)];
    const OfferingSpec &spec = offerings()[std::size_t(o.offering)];
    const Currency cur = currencyOf(a.entity);
    const QString model = QString::fromLatin1(spec.model);
    const bool recurring =
        model == QLatin1String("retainer") || model == QLatin1String("subscription");
    const qint64 practice =
        m_practiceIds.value(QString::fromLatin1(ServiceLines[std::size_t(spec.line)].practice));

    QDate proposeOn, negotiateOn;
    int lastStage = Qualify;
    for (const auto &[s, d] : o.path) {
        if (s == Propose) {
            proposeOn = d;
        } else if (s == Negotiate) {
            negotiateOn = d;
        }
        if (s <= Negotiate) {
            lastStage = std::max(lastStage, s);
        }
    }
    if (!proposeOn.isValid()) {
        return;
    }
    std::vector<QDate> versions = {proposeOn};
    if (negotiateOn.isValid() && !recurring && chance(45)) {
        versions.push_back(negotiateOn);
    }
    static const std::array<const char *, 8> discounts = {"0",   "0",  "0",    "5",
                                                          "7.5", "10", "12.5", "15"};
    Decimal discount = recurring ? Decimal() : decText(discounts[std::size_t(below(8))]);
    if (!recurring && chance(2)) {
        discount = decText("30"); // a strategic deal: needs the executive too
    }
    // Planted: a modest discount (up to 10 %) wins more often than none or a deep one:
    // 60 % of the won deals without one were given one, and as many lost ones with one were not.
    if (!recurring && o.outcome != 0) {
        const int d = plantedDraw(std::uint64_t(o.id), 2);
        const bool modest = discount > Decimal() && discount <= decText("10");
        if (o.outcome == 1 && !modest && d < 60) {
            discount = decText(d < 30 ? "5" : "7.5");
        } else if (o.outcome == 2 && modest && d < 60) {
            discount = Decimal();
        }
    }
    const Decimal target = dec(spec.targetMargin);

    for (std::size_t v = 0; v < versions.size(); ++v) {
        const QDate qd = versions[v];
        const bool latest = v + 1 == versions.size();
        if (v > 0 && discount < decText("15")) {
            discount = value(discount.add(decText("2.5"))); // the client negotiated
        }
        QList<pricing::Line> lines;
        QList<QStringList> lineRows; // without quote id
        if (!recurring) {
            for (int r = 0; r < RoleCount; ++r) {
                if (o.hours[std::size_t(r)] == 0) {
                    continue;
                }
                const auto [rate, source] = quoteRate(a, r, qd);
                pricing::Line l;
                l.kind = pricing::Line::Kind::Role;
                l.hours = dec(o.hours[std::size_t(r)]);
                l.billRate = rate;
                l.costRate = costRate(a.entity, r, qd);
                lines.append(l);
                lineRows.append(
                    {QStringLiteral("role"), QString::fromUtf8(RoleNames[std::size_t(r)]),
                     num(m_roleIds[std::size_t(r)]), l.hours.toString(), rate.toString(),
                     QString::fromLatin1(source), l.costRate.toString()});
            }
            if (QLatin1String(spec.code) == QLatin1String("DATA_PLATFORM")) {
                const qint64 units = 4000LL * o.sizeQuarters;
                pricing::Line l;
                l.kind = pricing::Line::Kind::Fixed;
                l.fixedPrice = value(Money::fromMinor(units * cur.minorFactor(), cur));
                l.fixedCost = value(Money::fromMinor(units * cur.minorFactor() * 9 / 10, cur));
                lines.append(l);
                lineRows.append({QStringLiteral("fixed"),
                                 QStringLiteral("Platform licences, first year (pass-through)"),
                                 QString(), QString(), QString(), QString(), QString()});
            }
        } else {
            // One fixed line: 12 months at a monthly fee rounded up to a hundred, cost at the
            // standard cost of the hours behind it.
            Money list = Money::zero(cur);
            Money cost = Money::zero(cur);
            for (int r = 0; r < RoleCount; ++r) {
                if (o.hours[std::size_t(r)] == 0) {
                    continue;
                }
                const Decimal h = dec(o.hours[std::size_t(r)]);
                list = value(list.add(value(pricing::extend(h, quoteRate(a, r, qd).first, cur))));
                cost = value(cost.add(value(pricing::extend(h, costRate(a.entity, r, qd), cur))));
            }
            const qint64 hundred = 100 * cur.minorFactor();
            const qint64 monthly = (list.minorUnits() / 12 + hundred - 1) / hundred * hundred;
            pricing::Line l;
            l.kind = pricing::Line::Kind::Fixed;
            l.fixedPrice = value(Money::fromMinor(monthly * 12, cur));
            l.fixedCost = cost;
            lines.append(l);
            lineRows.append({QStringLiteral("fixed"),
                             QStringLiteral("%1, 12 months").arg(QString::fromUtf8(spec.name)),
                             QString(), QString(), QString(), QString(), QString()});
        }
        const pricing::Totals t = value(pricing::price(cur, lines, discount));

        // Status of this version.
        QString status;
        bool submitted = true;
        bool decided = true;
        if (!latest) {
            status = QStringLiteral("superseded");
        } else if (o.outcome == 1) {
            status = QStringLiteral("accepted");
        } else if (o.outcome == 2) {
            status = QStringLiteral("approved");
        } else if (lastStage == Propose && chance(35)) {
            status = QStringLiteral("draft");
            submitted = decided = false;
        } else {
            status = QStringLiteral("approved");
        }
        // Approval chain per the demo policies (priority order, one step per role).
        QList<QPair<QString, QString>> chain;
        const auto addStep = [&chain](const QString &role, const QString &why) {
            for (auto &s : chain) {
                if (s.first == role) {
                    s.second += QStringLiteral("; ") + why;
                    return;
                }
            }
            chain.append({role, why});
        };
        const Decimal marginPct = t.marginPct.value_or(Decimal());
        if (discount > dec(10)) {
            addStep(QStringLiteral("sales_director"),
                    QStringLiteral("Discount above 10%: discount_pct %1 > 10")
                        .arg(discount.toString()));
        }
        if (marginPct < target) {
            addStep(QStringLiteral("sales_director"),
                    QStringLiteral("Margin below target: margin_pct %1 < target_margin_pct %2")
                        .arg(marginPct.toString(), target.toString()));
        }
        if (marginPct < dec(15)) {
            addStep(
                QStringLiteral("executive"),
                QStringLiteral("Margin below 15%: margin_pct %1 < 15").arg(marginPct.toString()));
        }
        // A quote waiting at PROPOSE that needs approval stays submitted (the inbox has work).
        if (latest && o.outcome == 0 && submitted && !chain.isEmpty() && lastStage == Propose) {
            status = QStringLiteral("submitted");
            decided = false;
        }

        const qint64 quoteId = m_quotesT.nextId;
        const QString title = QStringLiteral("%1 – %2").arg(a.name.section(QLatin1Char(' '), 0, 1),
                                                            QString::fromUtf8(spec.name));
        qint64 requestId = 0;
        if (submitted && !chain.isEmpty()) {
            const QJsonObject facts{{"discount_pct", discount.toString()},
                                    {"margin_pct", marginPct.toString()},
                                    {"target_margin_pct", target.toString()},
                                    {"net_value", t.net.toString()},
                                    {"currency", cur.code()}};
            requestId = approvalRequest(QStringLiteral("quote"), num(quoteId), a.entity, practice,
                                        o.owner, QStringLiteral("%1 v%2").arg(title).arg(v + 1),
                                        facts, chain, qd, decided);
        }
        const int qm = minute();
        QDate decidedOn = qd.addDays(requestId != 0 ? between(0, 2) : 0);
        if (decidedOn > demoAsOf()) {
            decidedOn = demoAsOf();
        }
        QDate acceptedOn;
        if (status == QLatin1String("accepted")) {
            acceptedOn = o.path.back().second;
        }
        QDate updatedOn = acceptedOn.isValid() ? acceptedOn : (decided ? decidedOn : qd);
        if (!latest) {
            updatedOn = versions[v + 1];
        }
        m_quotesT.add({num(o.id),
                       num(int(v) + 1),
                       num(m_entityIds[std::size_t(a.entity)]),
                       num(a.id),
                       title,
                       cur.code(),
                       dstr(qd),
                       status,
                       discount.toString(),
                       t.list.toString(),
                       t.discount.toString(),
                       t.net.toString(),
                       t.cost.toString(),
                       t.margin.toString(),
                       t.marginPct ? t.marginPct->toString(2) : QString(),
                       v > 0 ? QStringLiteral("Revised after negotiation.") : QString(),
                       idOrNull(requestId),
                       submitted ? num(o.owner) : QString(),
                       submitted ? ts(qd, qm) : QString(),
                       decided ? ts(decidedOn, std::min(qm + 120, 23 * 60)) : QString(),
                       acceptedOn.isValid() ? ts(acceptedOn, 16 * 60) : QString(),
                       num(o.owner),
                       ts(qd, std::max(qm - 90, 0)),
                       ts(updatedOn, 17 * 60),
                       num(1 + (submitted ? 1 : 0) + (decided ? 1 : 0) +
                           (acceptedOn.isValid() ? 1 : 0) + (latest ? 0 : 1))});
        QList<qint64> lineIds;
        for (qsizetype i = 0; i < lineRows.size(); ++i) {
            const QStringList &lr = lineRows[i];
            const pricing::PricedLine &p = t.lines[i];
            lineIds.append(
                m_quoteLinesT.add({num(quoteId), num(i + 1), lr[0], lr[1], lr[2], lr[3], lr[4],
                                   lr[5], lr[6], p.list.toString(), p.cost.toString()}));
        }
        ++m_counts.quotes;
        o.value = t.net;
        o.discount = discount;
        if (latest && o.outcome == 1) {
            o.acceptedQuote = quoteId;
            o.acceptedQuoteLines = lineIds;
            o.acceptedTotals = t;
            o.acceptedLines = lines;
        }
    }
}

// Splits `total` over `weights` proportionally (each rounded half away from zero by Money's
// multiply; the last part takes the remainder so the parts sum exactly).
QList<Money> split(const Money &total, const QList<Money> &weights)
{
    QList<Money> parts;
    Money weightSum = Money::zero(total.currency());
    for (const Money &w : weights) {
        weightSum = value(weightSum.add(w));
    }
    Money used = Money::zero(total.currency());
    for (qsizetype i = 0; i < weights.size(); ++i) {
        Money part;
        if (i + 1 == weights.size()) {
            part = value(total.subtract(used));
        } else {
            const Decimal share =
                weightSum.isZero() ? Decimal()
                                   : value(Decimal::fromInt(weights[i].minorUnits())
                                               .divide(Decimal::fromInt(weightSum.minorUnits())));
            part = value(total.multiply(share));
        }
        used = value(used.add(part));
        parts.append(part);
    }
    return parts;
}

void SalesGenerator::generateContract(OppGen &o)
{
    const QDate asOf = demoAsOf();
    const AccountGen &a = m_accounts[std::size_t(o.account)];
    const OfferingSpec &spec = offerings()[std::size_t(o.offering)];
    const Currency cur = currencyOf(a.entity);
    const QString model = QString::fromLatin1(spec.model);
    const QString practiceCode = QString::fromLatin1(ServiceLines[std::size_t(spec.line)].practice);
    const qint64 practice = m_practiceIds.value(practiceCode);
    const QDate wonOn = o.path.back().second;

    // Recent wins may still wait for the client's signature.
    const bool draft = wonOn > asOf.addDays(-14) && chance(50);
    QDate signedOn = draft ? QDate() : std::min(wonOn.addDays(between(0, 10)), asOf);
    const QDate start = (draft ? wonOn : signedOn).addDays(between(7, 21));
    const bool recurring =
        model == QLatin1String("retainer") || model == QLatin1String("subscription");
    const int weeks =
        recurring ? 52 : std::max(spec.weeks / 2, spec.weeks * std::min(o.sizeQuarters, 8) / 4);
    const QDate end = recurring ? start.addMonths(12).addDays(-1) : start.addDays(weeks * 7 - 3);
    const Money total = o.acceptedTotals.net;

    // PM: the fixed demo PM takes UK cloud work; otherwise a PM of the entity, same practice
    // when there is one.
    qint64 pm = 0;
    if (a.entity == 1 && practiceCode == QLatin1String("CLOUD") && m_fixedPm != 0 && chance(50)) {
        pm = m_fixedPm;
    } else {
        std::vector<qint64> same;
        for (const UserRef &u : m_pms[std::size_t(a.entity)]) {
            if (u.practice == practiceCode) {
                same.push_back(u.id);
            }
        }
        const auto &all = m_pms[std::size_t(a.entity)];
        pm = same.empty() ? all[std::size_t(below(int(all.size())))].id
                          : same[std::size_t(below(int(same.size())))];
    }

    const qint64 contractId = m_contractsT.nextId;
    QString number;
    if (!draft) {
        int &counter = m_counters[{a.entity, signedOn.year()}];
        number = QStringLiteral("SOW-%1-%2-%3")
                     .arg(QLatin1String(Countries[std::size_t(a.entity)].entity))
                     .arg(signedOn.year())
                     .arg(++counter, 4, 10, QLatin1Char('0'));
    }

    // Role allocation of the net value (list minus its share of the discount), used for T&M
    // lines and for the budget's revenue.
    QList<int> roles;
    QList<Money> roleList;
    for (int r = 0; r < RoleCount; ++r) {
        if (o.hours[std::size_t(r)] > 0) {
            // Weights: the quote's role lines; for a recurring fee, the hours at the card rate.
            roleList.append(
                recurring ? value(pricing::extend(dec(o.hours[std::size_t(r)]),
                                                  quoteRate(a, r, o.path.back().second).first, cur))
                          : o.acceptedTotals.lines[roles.size()].list);
            roles.append(r);
        }
    }
    const QList<Money> roleRevenue = split(total, roleList);

    QJsonArray linesJson;
    QList<std::tuple<qint64, QString, Money>> lineRefs; // id, model, value
    QList<std::tuple<qint64, int, QString, Money, QDate>> milestoneRefs;
    int lineNo = 0;
    const auto lineJson = [&](qint64 id, const QString &desc, const QString &m, const Money &v) {
        return QJsonObject{{"id", idToJson(id)},          {"line_no", lineNo},
                           {"description", desc},         {"billing_model", m},
                           {"value", moneyToJson(v)},     {"quote_line_id", QJsonValue()},
                           {"job_role_id", QJsonValue()}, {"hours", QJsonValue()},
                           {"rate", QJsonValue()},        {"cost_rate", QJsonValue()},
                           {"cost_amount", QJsonValue()}};
    };

    if (model == QLatin1String("time_and_materials")) {
        const bool capped = chance(50);
        const Decimal keep = value(dec(1).subtract(value(o.discount.divide(dec(100)))));
        for (qsizetype i = 0; i < roles.size(); ++i) {
            const int r = roles[i];
            ++lineNo;
            const pricing::Line &ql = o.acceptedLines[i];
            const Money v = roleRevenue[i];
            const Decimal billed = value(ql.billRate.multiply(keep)).rounded(2);
            const Money cost = o.acceptedTotals.lines[i].cost;
            QString cap;
            QJsonValue capJson;
            if (capped) {
                const qint64 unit = 1000 * cur.minorFactor();
                const Money c = value(
                    Money::fromMinor((v.minorUnits() * 11 / 10 + unit - 1) / unit * unit, cur));
                cap = c.toString();
                capJson = moneyToJson(c);
            }
            const QString desc = QStringLiteral("%1 – time and materials")
                                     .arg(QString::fromUtf8(RoleNames[std::size_t(r)]));
            const qint64 id = m_contractLinesT.add({num(contractId),
                                                    num(lineNo),
                                                    desc,
                                                    model,
                                                    v.toString(),
                                                    num(o.acceptedQuoteLines[i]),
                                                    num(m_roleIds[std::size_t(r)]),
                                                    ql.hours.toString(),
                                                    ql.billRate.toString(),
                                                    ql.costRate.toString(),
                                                    cost.toString(),
                                                    QString(),
                                                    cap,
                                                    QString(),
                                                    QString(),
                                                    QString(),
                                                    QString(),
                                                    QString(),
                                                    QString(),
                                                    QString()});
            m_itemsT.add({num(id), num(contractId), QStringLiteral("rate"), QStringLiteral("1"),
                          QString(), QString(), QString(), num(m_roleIds[std::size_t(r)]),
                          billed.toString()});
            QJsonObject j = lineJson(id, desc, model, v);
            j.insert("quote_line_id", idToJson(o.acceptedQuoteLines[i]));
            j.insert("job_role_id", idToJson(m_roleIds[std::size_t(r)]));
            j.insert("hours", decimalToJson(ql.hours));
            j.insert("rate", decimalToJson(ql.billRate));
            j.insert("cost_rate", decimalToJson(ql.costRate));
            j.insert("cost_amount", moneyToJson(cost));
            j.insert("rates",
                     QJsonArray{QJsonObject{{"job_role_id", idToJson(m_roleIds[std::size_t(r)])},
                                            {"rate", decimalToJson(billed)}}});
            j.insert("rate_list", QJsonValue());
            j.insert("not_to_exceed", capJson);
            linesJson.append(j);
            lineRefs.append({id, model, v});
        }
    } else if (model == QLatin1String("fixed_fee") || model == QLatin1String("milestones")) {
        ++lineNo;
        const bool ms = model == QLatin1String("milestones");
        const QString desc = QStringLiteral("%1 – %2").arg(QString::fromUtf8(spec.name),
                                                           ms ? QStringLiteral("milestone payments")
                                                              : QStringLiteral("fixed fee"));
        const qint64 id = m_contractLinesT.add({num(contractId),
                                                num(lineNo),
                                                desc,
                                                model,
                                                total.toString(),
                                                QString(),
                                                QString(),
                                                QString(),
                                                QString(),
                                                QString(),
                                                o.acceptedTotals.cost.toString(),
                                                QString(),
                                                QString(),
                                                QString(),
                                                QString(),
                                                QString(),
                                                QString(),
                                                QString(),
                                                QString(),
                                                QString()});
        QList<Money> weights;
        for (const MilestoneSpec &m : spec.milestones) {
            weights.append(value(Money::fromMinor(m.pct, cur)));
        }
        const QList<Money> amounts = split(total, weights);
        QJsonArray items;
        for (std::size_t k = 0; k < spec.milestones.size(); ++k) {
            const MilestoneSpec &m = spec.milestones[k];
            const QDate due = start.addDays(qint64(m.week) * 7 * weeks / std::max(spec.weeks, 1));
            const QDate dueClamped = std::min(due, end);
            const QString name = QString::fromUtf8(m.name);
            m_itemsT.add({num(id), num(contractId),
                          ms ? QStringLiteral("milestone") : QStringLiteral("schedule"),
                          num(qint64(k) + 1), ms ? name : QString(),
                          amounts[qsizetype(k)].toString(), dstr(dueClamped), QString(),
                          QString()});
            QJsonObject it{{"amount", moneyToJson(amounts[qsizetype(k)])}};
            if (ms) {
                it.insert("name", name);
                it.insert("planned_date", dateToJson(dueClamped));
                milestoneRefs.append({id, int(k) + 1, name, amounts[qsizetype(k)], dueClamped});
            } else {
                it.insert("date", dateToJson(dueClamped));
            }
            items.append(it);
        }
        QJsonObject j = lineJson(id, desc, model, total);
        j.insert("cost_amount", moneyToJson(o.acceptedTotals.cost));
        j.insert(ms ? "milestones" : "schedule", items);
        linesJson.append(j);
        lineRefs.append({id, model, total});
    } else {
        ++lineNo;
        const bool retainer = model == QLatin1String("retainer");
        const bool quarterly = !retainer && chance(30);
        const Money perPeriod =
            value(Money::fromMinor(total.minorUnits() / (quarterly ? 4 : 12), cur));
        int allHours = 0;
        for (int r = 0; r < RoleCount; ++r) {
            allHours += o.hours[std::size_t(r)];
        }
        const Decimal drawdown = value(dec(allHours).divide(dec(12))).rounded(2);
        const QString rollover =
            retainer ? QString::fromLatin1(
                           std::array{"none", "next_period", "expire"}[std::size_t(below(3))])
                     : QString();
        const QString desc =
            retainer ? QStringLiteral("%1 – monthly retainer").arg(QString::fromUtf8(spec.name))
                     : QStringLiteral("%1 – subscription").arg(QString::fromUtf8(spec.name));
        const qint64 id = m_contractLinesT.add(
            {num(contractId),
             num(lineNo),
             desc,
             model,
             total.toString(),
             num(o.acceptedQuoteLines.value(0)),
             QString(),
             QString(),
             QString(),
             QString(),
             o.acceptedTotals.cost.toString(),
             QString(),
             QString(),
             retainer ? perPeriod.toString() : QString(),
             retainer ? drawdown.toString() : QString(),
             retainer ? rollover : QString(),
             retainer ? QString() : perPeriod.toString(),
             retainer ? QString()
                      : (quarterly ? QStringLiteral("quarter") : QStringLiteral("month")),
             dstr(start),
             dstr(end)});
        QJsonObject j = lineJson(id, desc, model, total);
        j.insert("quote_line_id", idToJson(o.acceptedQuoteLines.value(0)));
        j.insert("cost_amount", moneyToJson(o.acceptedTotals.cost));
        if (retainer) {
            j.insert("monthly_amount", moneyToJson(perPeriod));
            j.insert("drawdown_hours", decimalToJson(drawdown));
            j.insert("rollover", rollover);
        } else {
            j.insert("fee_per_period", moneyToJson(perPeriod));
            j.insert("period", quarterly ? QStringLiteral("quarter") : QStringLiteral("month"));
        }
        j.insert("start_date", dateToJson(start));
        j.insert("end_date", dateToJson(end));
        linesJson.append(j);
        lineRefs.append({id, model, total});
    }

    // Change orders: a few signed fixed-price / T&M contracts got extra scope (approved, a
    // second version); a few wait for approval now.
    QString status = draft ? QStringLiteral("draft") : QStringLiteral("signed");
    int contractVersion = 1;
    Money finalTotal = total;
    QDate finalEnd = end;
    if (!draft && !recurring) {
        const int r = below(100);
        const QDate coOn = std::min(start.addDays(qint64(start.daysTo(end)) / 2), asOf.addDays(-2));
        const bool approvedCo = r < 9 && coOn > signedOn;
        const bool pendingCo = !approvedCo && r < 12 && end > asOf && start < asOf.addDays(-10);
        if (approvedCo || pendingCo) {
            const QDate submittedOn = pendingCo ? asOf.addDays(-between(1, 6)) : coOn;
            const qint64 unit = 1000 * cur.minorFactor();
            const qint64 extraMinor =
                std::max<qint64>(unit, total.minorUnits() * between(8, 25) / 100 / unit * unit);
            const Money extra = value(Money::fromMinor(extraMinor, cur));
            const Money after = value(total.add(extra));
            const qint64 coId = m_changeOrdersT.nextId;
            const qint64 newLineId = approvedCo ? m_contractLinesT.nextId : 0;
            const QString desc = QStringLiteral("Change order: additional scope (%1)")
                                     .arg(QString::fromUtf8(spec.name));
            const QDate due = std::min(submittedOn.addDays(30), end);
            QJsonObject addLine{{"description", desc},
                                {"billing_model", QStringLiteral("fixed_fee")},
                                {"value", moneyToJson(extra)},
                                {"schedule", QJsonArray{QJsonObject{{"amount", moneyToJson(extra)},
                                                                    {"date", dateToJson(due)}}}}};
            const QJsonObject changes{{"add_lines", QJsonArray{addLine}}};
            QList<QPair<QString, QString>> chain = {
                {QStringLiteral("sales_director"),
                 QStringLiteral("Every change order: amount %1 > 0")
                     .arg(Decimal::parse(extra.toString())->toString())}};
            if (extra.minorUnits() >= 50000 * cur.minorFactor()) {
                chain.append({QStringLiteral("executive"),
                              QStringLiteral("Change order of 50,000 or more: amount %1 >= 50000")
                                  .arg(Decimal::parse(extra.toString())->toString())});
            }
            const qint64 req = approvalRequest(
                QStringLiteral("contract_change_order"), num(coId), a.entity, practice, o.owner,
                QStringLiteral("%1 change order").arg(number),
                QJsonObject{{"amount", Decimal::parse(extra.toString())->toString()},
                            {"currency", cur.code()}},
                chain, submittedOn, approvedCo);
            m_changeOrdersT.add(
                {num(contractId), num(m_entityIds[std::size_t(a.entity)]), QStringLiteral("1"),
                 approvedCo ? QStringLiteral("approved") : QStringLiteral("submitted"),
                 QStringLiteral("The client asked for additional scope."), jsonText(changes),
                 total.toString(), after.toString(), num(req),
                 approvedCo ? QStringLiteral("Approved.") : QString(), num(o.owner),
                 ts(submittedOn, 10 * 60),
                 approvedCo ? ts(std::min(submittedOn.addDays(2), asOf), 15 * 60) : QString()});
            ++m_counts.changeOrders;
            if (approvedCo) {
                ++lineNo;
                const qint64 id = m_contractLinesT.add(
                    {num(contractId),  num(lineNo), desc,      QStringLiteral("fixed_fee"),
                     extra.toString(), QString(),   QString(), QString(),
                     QString(),        QString(),   QString(), QString(),
                     QString(),        QString(),   QString(), QString(),
                     QString(),        QString(),   QString(), QString()});
                Q_ASSERT(id == newLineId);
                m_itemsT.add({num(id), num(contractId), QStringLiteral("schedule"),
                              QStringLiteral("1"), QString(), extra.toString(), dstr(due),
                              QString(), QString()});
                // Version 1 as signed, version 2 with the change order.
                m_versionsT.add({num(contractId), QStringLiteral("1"), total.toString(),
                                 dstr(start), dstr(end), jsonText(linesJson), QString(),
                                 num(o.owner), ts(signedOn, 11 * 60)});
                QJsonObject j = lineJson(id, desc, QStringLiteral("fixed_fee"), extra);
                j.insert("schedule", addLine.value("schedule"));
                linesJson.append(j);
                lineRefs.append({id, QStringLiteral("fixed_fee"), extra});
                contractVersion = 2;
                finalTotal = after;
                status = QStringLiteral("amended");
                m_versionsT.add({num(contractId), QStringLiteral("2"), after.toString(),
                                 dstr(start), dstr(end), jsonText(linesJson), num(coId),
                                 num(o.owner),
                                 ts(std::min(submittedOn.addDays(2), asOf), 15 * 60)});
            }
        }
    }
    if (!draft && contractVersion == 1) {
        m_versionsT.add({num(contractId), QStringLiteral("1"), total.toString(), dstr(start),
                         dstr(end), jsonText(linesJson), QString(), num(o.owner),
                         ts(signedOn, 11 * 60)});
    }
    if (!draft && finalEnd < asOf) {
        status = QStringLiteral("completed");
    }
    const QDate createdOn = wonOn;
    const QDate updatedOn =
        draft ? wonOn : std::min(std::max(signedOn, finalEnd < asOf ? finalEnd : signedOn), asOf);
    const qint64 id =
        m_contractsT.add({num(m_entityIds[std::size_t(a.entity)]),
                          num(a.id),
                          num(o.acceptedQuote),
                          num(o.id),
                          num(m_offeringIds[std::size_t(o.offering)]),
                          num(practice),
                          num(pm),
                          number,
                          QStringLiteral("%1 – %2").arg(a.name.section(QLatin1Char(' '), 0, 1),
                                                        QString::fromUtf8(spec.name)),
                          cur.code(),
                          QStringLiteral("net%1").arg(a.paymentDays),
                          a.taxProfile,
                          dstr(start),
                          dstr(finalEnd),
                          dstr(signedOn),
                          status,
                          finalTotal.toString(),
                          num(contractVersion),
                          num(o.owner),
                          ts(createdOn, 15 * 60),
                          ts(updatedOn, 16 * 60),
                          num(1 + (draft ? 0 : 1) + (contractVersion - 1) +
                              (status == QLatin1String("completed") ? 1 : 0))});
    Q_ASSERT(id == contractId);
    ++m_counts.contracts;
    if (draft) {
        return;
    }

    // The handover: project, budget baseline by role, milestones, billing rules, staffing.
    const QString projectStatus = finalEnd < asOf ? QStringLiteral("closed")
                                  : start <= asOf ? QStringLiteral("active")
                                                  : QStringLiteral("planned");
    const qint64 projectId =
        m_projectsT.add({num(m_entityIds[std::size_t(a.entity)]), num(a.id), num(contractId),
                         num(practice), num(pm),
                         QStringLiteral("%1 – %2").arg(a.name.section(QLatin1Char(' '), 0, 1),
                                                       QString::fromUtf8(spec.name)),
                         cur.code(), dstr(start), dstr(finalEnd), projectStatus,
                         ts(signedOn, 11 * 60 + 5), ts(updatedOn, 16 * 60)});
    ++m_counts.projects;
    const qint64 budgetId = m_budgetVersionsT.add({num(projectId), QStringLiteral("1"),
                                                   QStringLiteral("Baseline from %1").arg(number),
                                                   QStringLiteral("1"), ts(signedOn, 11 * 60 + 5)});
    const QString skills = textArray(spec.skills);
    for (qsizetype i = 0; i < roles.size(); ++i) {
        const int r = roles[i];
        const Decimal h = dec(o.hours[std::size_t(r)]);
        const Money cost = value(pricing::extend(h, costRate(a.entity, r, signedOn), cur));
        m_budgetLinesT.add({num(budgetId), num(m_roleIds[std::size_t(r)]), QString(), h.toString(2),
                            cost.toString(), roleRevenue[i].toString()});
        const int weeksSpan = std::max(1, int((start.daysTo(end) + 6) / 7));
        const Decimal perWeek = value(h.divide(dec(weeksSpan))).rounded(2);
        m_requestsResT.add({num(m_entityIds[std::size_t(a.entity)]), num(projectId),
                            num(m_roleIds[std::size_t(r)]),
                            (perWeek.isPositive() ? perWeek : decText("0.01")).toString(2),
                            h.toString(2), dstr(start), dstr(end), skills, QStringLiteral("hard"),
                            projectStatus == QLatin1String("planned") ? QStringLiteral("open")
                                                                      : QStringLiteral("filled"),
                            ts(signedOn, 11 * 60 + 5)});
    }
    for (const auto &[lineId, m, v] : lineRefs) {
        m_billingRulesT.add({num(projectId), num(lineId), m,
                             QStringLiteral("%1/%2").arg(number).arg(lineId), v.toString()});
    }
    for (const auto &[lineId, seq, name, amount, planned] : milestoneRefs) {
        const bool past = planned < asOf;
        m_milestonesT.add({num(projectId), num(lineId), num(seq), name, amount.toString(),
                           cur.code(), dstr(planned), past ? dstr(planned) : QString(),
                           past ? QStringLiteral("billable") : QStringLiteral("pending")});
    }
}

void SalesGenerator::generateLeadsAndActivities()
{
    const QDate asOf = demoAsOf();
    static const std::array<const char *, 6> leadNotes = {
        "Met at the cloud summit; wants a call after budget season.",
        "Downloaded the data platform white paper.",
        "Referred by an existing client.",
        "Replied to the outbound sequence; interested in support.",
        "Partner referral, AWS account team.",
        "Asked for references in their industry."};
    // Converted leads: every new logo's first opportunity.
    QSet<qint64> converted;
    for (const OppGen &o : m_opps) {
        const AccountGen &a = m_accounts[std::size_t(o.account)];
        if (!a.newLogo || o.created != a.since || a.firstContact == 0) {
            continue;
        }
        if (converted.contains(a.id)) {
            continue;
        }
        converted.insert(a.id);
        const QDate createdOn =
            std::max(WindowStart.addDays(-30), a.since.addDays(-between(7, 40)));
        m_leadsT.add({num(m_entityIds[std::size_t(a.entity)]), pick(LeadSources),
                      QStringLiteral("converted"), a.name, a.firstContactName, a.firstContactEmail,
                      QString(), pick(leadNotes), num(a.owner), num(a.id), num(a.firstContact),
                      num(o.id), ts(a.since, 9 * 60 + 30), ts(createdOn, minute()),
                      ts(a.since, 9 * 60 + 30)});
    }
    // Leads that did not (yet) become clients.
    const int others = 220 * m_scale;
    for (int i = 0; i < others; ++i) {
        const int e = std::array<int, 4>{0, 1, 0, 2}[std::size_t(i % 4)];
        const QDate createdOn = WindowStart.addDays(below(int(WindowStart.daysTo(asOf))));
        const bool recent = createdOn > asOf.addDays(-90);
        QString status;
        if (!recent) {
            status = QStringLiteral("disqualified");
        } else {
            static const std::array<const char *, 4> s = {"new", "contacted", "qualified",
                                                          "disqualified"};
            status = QString::fromLatin1(s[std::size_t(below(4))]);
        }
        const QString prefix = e == 0   ? pick(UsPrefixes)
                               : e == 1 ? pick(UkPrefixes)
                                        : pick(DePrefixes);
        const IndustrySpec &ind = Industries[std::size_t(below(int(Industries.size())))];
        const QString company = prefix + QLatin1Char(' ') +
                                QString::fromUtf8(e == 2 ? ind.german[std::size_t(below(3))]
                                                         : ind.english[std::size_t(below(3))]) +
                                QLatin1Char(' ') + pick(LegalForms[std::size_t(e)]);
        const QString person = contactName(e);
        const QString email =
            asciiFold(person.section(QLatin1Char(' '), 0, 0)).toLower() + QLatin1Char('.') +
            asciiFold(person.section(QLatin1Char(' '), 1)).toLower() + QLatin1Char('@') +
            asciiFold(company.section(QLatin1Char(' '), 0, 1)).toLower() + QLatin1Char('.') +
            QString::fromLatin1(Countries[std::size_t(e)].tld);
        const auto &sellers = m_sales[std::size_t(e)];
        const QDate updatedOn = std::min(createdOn.addDays(between(0, 20)), asOf);
        m_leadsT.add({num(m_entityIds[std::size_t(e)]), pick(LeadSources), status, company, person,
                      email, QString(), pick(leadNotes),
                      num(sellers[std::size_t(below(int(sellers.size())))].id), QString(),
                      QString(), QString(), QString(), ts(createdOn, minute()),
                      ts(updatedOn, minute())});
    }
    m_counts.leads = int(m_leadsT.rows.size());

    // Activities: account history and the work around each opportunity.
    static const std::array<const char *, 6> accountSubjects = {
        "Quarterly business review",     "Account planning call",
        "Introduced our data practice",  "Lunch with the CIO",
        "Reference call for a prospect", "Renewal discussion"};
    for (const AccountGen &a : m_accounts) {
        const int n = a.tier == 0 ? 4 : between(1, 3);
        for (int k = 0; k < n; ++k) {
            const QDate on =
                std::max(a.since, WindowStart)
                    .addDays(below(int(std::max(a.since, WindowStart).daysTo(asOf)) + 1));
            static const std::array<const char *, 3> kinds = {"note", "call", "meeting"};
            const QString kind = QString::fromLatin1(kinds[std::size_t(below(3))]);
            const QString when = ts(on, minute());
            m_activitiesT.add({num(a.id), QString(), kind, pick(accountSubjects),
                               QStringLiteral("Spoke with %1.").arg(a.firstContactName), QString(),
                               QStringLiteral("true"), when, num(a.owner), when, when});
        }
    }
    for (const OppGen &o : m_opps) {
        const AccountGen &a = m_accounts[std::size_t(o.account)];
        const QDate discovery = o.path.front().second.addDays(2);
        if (discovery <= asOf) {
            const QString when = ts(discovery, minute());
            m_activitiesT.add({num(a.id), num(o.id), QStringLiteral("meeting"),
                               QStringLiteral("Discovery workshop"),
                               QStringLiteral("Scope, stakeholders and timeline agreed."),
                               QString(), QStringLiteral("true"), when, num(o.owner), when, when});
        }
        if (o.outcome == 0) {
            const QDate due = asOf.addDays(between(1, 21));
            static const std::array<const char *, 4> tasks = {
                "Send the revised proposal", "Book the solution demo",
                "Follow up on the decision date", "Prepare the reference call"};
            const QString when = ts(o.path.back().second, minute());
            m_activitiesT.add({num(a.id), num(o.id), QStringLiteral("task"), pick(tasks), QString(),
                               dstr(due), QStringLiteral("false"), QString(), num(o.owner), when,
                               when});
        }
    }
}

bool SalesGenerator::generateAndLoad()
{
    step(0, QStringLiteral("Reading reference data"));
    if (!readReference() || !loadCatalogueAndRates()) {
        return false;
    }
    for (Table *t :
         {&m_accountsT,   &m_contactsT,       &m_overridesT,     &m_oppsT,       &m_historyT,
          &m_leadsT,      &m_activitiesT,     &m_requestsT,      &m_stepsT,      &m_quotesT,
          &m_quoteLinesT, &m_contractsT,      &m_contractLinesT, &m_itemsT,      &m_changeOrdersT,
          &m_projectsT,   &m_budgetVersionsT, &m_budgetLinesT,   &m_milestonesT, &m_billingRulesT,
          &m_requestsResT}) {
        if (!reserve(*t)) {
            return false;
        }
    }

    step(100, QStringLiteral("Generating clients"));
    generateAccounts();
    step(200, QStringLiteral("Generating opportunities, quotes and contracts"));
    generateOpportunities();
    // Contracts are numbered in signature order per entity and year: generate in won order.
    std::vector<std::size_t> order(m_opps.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    for (OppGen &o : m_opps) {
        const AccountGen &a = m_accounts[std::size_t(o.account)];
        const OfferingSpec &spec = offerings()[std::size_t(o.offering)];
        generateQuotes(o);
        if (!o.value.isValid()) {
            // Not quoted yet: the estimate at today's card, rounded to a thousand.
            Money est = Money::zero(currencyOf(a.entity));
            for (int r = 0; r < RoleCount; ++r) {
                if (o.hours[std::size_t(r)] > 0) {
                    est = value(est.add(
                        value(pricing::extend(dec(o.hours[std::size_t(r)]),
                                              quoteRate(a, r, o.created).first, est.currency()))));
                }
            }
            const qint64 unit = 1000 * est.currency().minorFactor();
            o.value = value(
                Money::fromMinor((est.minorUnits() + unit / 2) / unit * unit, est.currency()));
        }
        const int finalStage = o.path.back().first;
        const QString prob = m_stageProb[std::size_t(finalStage)];
        const QString name = QStringLiteral("%1 – %2").arg(a.name.section(QLatin1Char(' '), 0, 1),
                                                           QString::fromUtf8(spec.name));
        const QDate lastChange = o.path.back().second;
        const qint64 id = m_oppsT.add(
            {num(m_entityIds[std::size_t(a.entity)]),
             num(a.id),
             num(o.owner),
             num(m_practiceIds.value(
                 QString::fromLatin1(ServiceLines[std::size_t(spec.line)].practice))),
             num(m_offeringIds[std::size_t(o.offering)]),
             name,
             QString::fromUtf8(spec.description),
             num(m_stageIds[std::size_t(finalStage)]),
             o.outcome == 0 ? QStringLiteral("true") : QStringLiteral("false"),
             prob,
             o.value.toString(),
             o.value.currency().code(),
             dstr(o.expectedClose),
             dstr(o.expectedClose.addDays(14)),
             textArray(spec.skills),
             num(spec.targetMargin),
             o.lossReason >= 0 ? QString::fromUtf8(LossReasons[std::size_t(o.lossReason)].reason)
                               : QString(),
             o.competitor >= 0
                 ? QString::fromUtf8(Competitors[std::size_t(a.entity)][std::size_t(o.competitor)])
                 : QString(),
             num(o.owner),
             ts(o.created, 9 * 60),
             ts(lastChange, 15 * 60),
             num(qint64(o.path.size()))});
        Q_ASSERT(id == o.id);
        m_oppLinesT.add({num(o.id), num(m_serviceLineIds[std::size_t(spec.line)])});
        for (int r = 0; r < RoleCount; ++r) {
            if (o.hours[std::size_t(r)] > 0) {
                m_oppEffortT.add(
                    {num(o.id), num(m_roleIds[std::size_t(r)]), num(o.hours[std::size_t(r)])});
            }
        }
        int prev = -1;
        for (const auto &[s, d] : o.path) {
            const bool lost = s == Lost;
            m_historyT.add({num(o.id), prev < 0 ? QString() : num(m_stageIds[std::size_t(prev)]),
                            num(m_stageIds[std::size_t(s)]), m_stageProb[std::size_t(s)],
                            lost && o.lossReason >= 0
                                ? QString::fromUtf8(LossReasons[std::size_t(o.lossReason)].reason)
                                : QString(),
                            num(o.owner), ts(d, prev < 0 ? 9 * 60 : 15 * 60)});
            prev = s;
        }
    }
    m_counts.opportunities = int(m_opps.size());
    std::stable_sort(order.begin(), order.end(), [this](std::size_t x, std::size_t y) {
        const OppGen &a = m_opps[x];
        const OppGen &b = m_opps[y];
        return a.path.back().second < b.path.back().second;
    });
    for (const std::size_t i : order) {
        if (m_opps[i].outcome == 1) {
            generateContract(m_opps[i]);
        }
    }
    for (auto it = m_counters.cbegin(); it != m_counters.cend(); ++it) {
        m_countersT.add(
            {num(m_entityIds[std::size_t(it.key().first)]), num(it.key().second), num(it.value())});
    }
    step(400, QStringLiteral("Generating leads and activities"));
    generateLeadsAndActivities();

    step(450, QStringLiteral("Loading clients"));
    if (!copy(m_accountsT) || !copy(m_contactsT)) {
        return false;
    }
    QSqlQuery q(m_db);
    if (!exec(q, QStringLiteral("UPDATE accounts a SET billing_contact_id = "
                                "(SELECT min(c.id) FROM contacts c WHERE c.account_id = a.id) "
                                "WHERE a.billing_contact_id IS NULL"))) {
        return false;
    }
    step(520, QStringLiteral("Loading the pipeline"));
    for (Table *t : {&m_overridesT, &m_oppsT, &m_oppLinesT, &m_oppEffortT, &m_historyT, &m_leadsT,
                     &m_activitiesT}) {
        if (!copy(*t)) {
            return false;
        }
    }
    step(700, QStringLiteral("Loading quotes and approvals"));
    for (Table *t : {&m_requestsT, &m_stepsT, &m_quotesT, &m_quoteLinesT}) {
        if (!copy(*t)) {
            return false;
        }
    }
    step(820, QStringLiteral("Loading contracts and projects"));
    for (Table *t : {&m_contractsT, &m_contractLinesT, &m_itemsT, &m_versionsT, &m_changeOrdersT,
                     &m_countersT, &m_projectsT, &m_budgetVersionsT, &m_budgetLinesT,
                     &m_milestonesT, &m_billingRulesT, &m_requestsResT}) {
        if (!copy(*t)) {
            return false;
        }
    }
    step(950, QStringLiteral("Analysing sales tables"));
    return exec(
        q, QStringLiteral("ANALYZE accounts, contacts, activities, leads, opportunities, "
                          "opportunity_stage_history, opportunity_effort, quotes, quote_lines, "
                          "approval_requests, approval_steps, rate_card_rates, job_role_costs, "
                          "contracts, contract_lines, contract_line_items, contract_versions, "
                          "contract_change_orders, projects, project_budget_lines, "
                          "project_milestones, resource_requests"));
}

} // namespace

bool loadDemoSales(QSqlDatabase &db, int scale, int fromPercent, int toPercent,
                   const std::function<void(int percent, const QString &step)> &progress,
                   DemoSalesCounts *counts, QString *error)
{
    return SalesGenerator(db, scale, fromPercent, toPercent, progress).run(counts, error);
}

} // namespace keel
