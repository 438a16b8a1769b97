// bench_dashboards: the role dashboards on the demo firm (issue 8): dashboard_<role>_ms for
// executive, service_leader, sales, project_manager and finance = from opening the dashboard to
// every card answered (targets: < 500 ms at scale 1, < 2 s at scale 10), and kpi_max_ms = the
// slowest card's single server call (target < 100 ms at scale 1), with that card in "detail".
//
// The firm is loaded in process (server/admin/demo_firm.h, which rebuilds every aggregate at its
// end), then keel-server runs as a child process with its default two worker threads. Each role
// signs in as its demo user (ceo, rm, salesdir, pm, controller) and asks for its cards as the
// client does: every card's GET /api/v1/analytics/metrics/{name} at once over one
// QNetworkAccessManager (six connections per host), the filter being the last twelve months; a
// dashboard's time is from the first request to the last answer parsed, the median of five
// rounds after a warm-up one. Then every card alone, one call at a time, five rounds: the slowest
// card's median is kpi_max_ms; each card's median goes to stderr.
// The card lists mirror app/client/dashboards/card_spec.cpp (dashboardCards(role)); keep them in
// step.
// Scale: the first argument or KEEL_BENCH_SCALE (default 1); above 1 the billing replay (and with
// it the close history) is left out of the load (KEEL_DEMO_BILLING=0), as bench_close does.
#include "admin/demo_firm.h"
#include "bench_support.h"
#include "db/database.h"
#include "http_client.h"
#include "test_database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>

#include <QSqlQuery>

#include <cmath>
#include <cstdio>

using namespace keel::bench;

namespace {

constexpr int kRounds = 5;

struct DashboardCard
{
    QString id;
    QString metric;
    QList<QPair<QString, QString>> query; // by, by2, limit, manager
};

struct RoleDashboard
{
    QString key;  // dashboard_<key>_ms
    QString user; // the demo account that opens it
    QList<DashboardCard> cards;
};

QList<RoleDashboard> dashboards()
{
    using Q = QList<QPair<QString, QString>>;
    const QString by = QStringLiteral("by"), by2 = QStringLiteral("by2"),
                  limit = QStringLiteral("limit"), month = QStringLiteral("month"),
                  project = QStringLiteral("project");
    const QPair<QString, QString> mine{QStringLiteral("manager"), QStringLiteral("me")};
    return {
        {QStringLiteral("executive"),
         QStringLiteral("ceo"),
         {{QStringLiteral("bookings"), QStringLiteral("bookings"), Q{{by, month}}},
          {QStringLiteral("backlog"), QStringLiteral("backlog"), Q{{by, month}}},
          {QStringLiteral("project_margin"), QStringLiteral("project_margin"), Q{{by, month}}},
          {QStringLiteral("revenue_vs_forecast"), QStringLiteral("revenue_vs_forecast"),
           Q{{by, month}}},
          {QStringLiteral("utilisation"), QStringLiteral("utilisation"), Q{{by, month}}},
          {QStringLiteral("dso"), QStringLiteral("dso"), Q{{by, month}}},
          {QStringLiteral("cash"), QStringLiteral("cash"), Q{{by, month}}}}},
        {QStringLiteral("service_leader"),
         QStringLiteral("rm"),
         {{QStringLiteral("utilisation_practice"), QStringLiteral("utilisation"),
           Q{{by, QStringLiteral("practice")}}},
          {QStringLiteral("utilisation_heatmap"), QStringLiteral("utilisation"),
           Q{{by, QStringLiteral("person")}, {by2, month}, {limit, QStringLiteral("30")}}},
          {QStringLiteral("utilisation_trend"), QStringLiteral("utilisation"), Q{{by, month}}},
          {QStringLiteral("bench"), QStringLiteral("bench"),
           Q{{by, QStringLiteral("person")}, {limit, QStringLiteral("15")}}},
          {QStringLiteral("project_margin_ranking"), QStringLiteral("project_margin"),
           Q{{by, project}, {limit, QStringLiteral("500")}}},
          {QStringLiteral("projects_at_risk"), QStringLiteral("projects_at_risk"),
           Q{{by, project}}}}},
        {QStringLiteral("sales"),
         QStringLiteral("salesdir"),
         {{QStringLiteral("pipeline_funnel"), QStringLiteral("pipeline_funnel"),
           Q{{by, QStringLiteral("stage")}}},
          {QStringLiteral("weighted_pipeline"), QStringLiteral("weighted_pipeline"),
           Q{{by, month}}},
          {QStringLiteral("win_rate"), QStringLiteral("win_rate"), Q{{by, month}}},
          {QStringLiteral("bookings"), QStringLiteral("bookings"), Q{{by, month}}}}},
        {QStringLiteral("project_manager"),
         QStringLiteral("pm"),
         {{QStringLiteral("budget_burn"), QStringLiteral("budget_burn"),
           Q{{by, project}, {limit, QStringLiteral("15")}, mine}},
          {QStringLiteral("milestones_due"), QStringLiteral("milestones_due"),
           Q{{by, month}, mine}},
          {QStringLiteral("unbilled"), QStringLiteral("unbilled"),
           Q{{by, project}, {limit, QStringLiteral("15")}, mine}},
          {QStringLiteral("project_margin"), QStringLiteral("project_margin"),
           Q{{by, project}, {limit, QStringLiteral("15")}, mine}}}},
        {QStringLiteral("finance"),
         QStringLiteral("controller"),
         {{QStringLiteral("unbilled"), QStringLiteral("unbilled"), Q{{by, month}}},
          {QStringLiteral("deferred_revenue"), QStringLiteral("deferred_revenue"), Q{{by, month}}},
          {QStringLiteral("ar_aging"), QStringLiteral("ar_aging"),
           Q{{by, QStringLiteral("bucket")}}},
          {QStringLiteral("dso"), QStringLiteral("dso"), Q{{by, month}}},
          {QStringLiteral("write_off_rate"), QStringLiteral("write_off_rate"), Q{{by, month}}},
          {QStringLiteral("realisation"), QStringLiteral("realisation"), Q{{by, month}}},
          {QStringLiteral("invoice_cycle_time"), QStringLiteral("invoice_cycle_time"),
           Q{{by, month}}}}},
    };
}

// The filter bar's default: the twelve months up to this one.
QString cardPath(const DashboardCard &card)
{
    const QDate today = QDate::currentDate();
    const QDate to(today.year(), today.month(), 1);
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("from"), to.addMonths(-11).toString(QStringLiteral("yyyy-MM")));
    q.addQueryItem(QStringLiteral("to"), to.toString(QStringLiteral("yyyy-MM")));
    for (const auto &[key, value] : card.query)
        q.addQueryItem(key, value);
    return QStringLiteral("/api/v1/analytics/metrics/%1?%2")
        .arg(card.metric, q.toString(QUrl::FullyEncoded));
}

// A figure with the card it names (emitValue has no detail).
void emitDetailed(const QString &name, double value, const QString &detail, int scale)
{
    const QJsonObject o{{"name", name},
                        {"value", std::round(value * 100) / 100},
                        {"unit", "ms"},
                        {"scale", scale},
                        {"detail", detail}};
    std::fputs(QJsonDocument(o).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

class Dashboard
{
public:
    Dashboard(QNetworkAccessManager &nam, QUrl base, QByteArray authorization)
        : m_nam(nam), m_base(std::move(base)), m_authorization(std::move(authorization))
    {}

    // Every card's request at once; milliseconds until the last answer is parsed. Cards that did
    // not answer 200 go to `failed`.
    double open(const QList<DashboardCard> &cards, QStringList *failed)
    {
        QEventLoop loop;
        qsizetype pending = cards.size();
        QElapsedTimer timer;
        timer.start();
        for (const DashboardCard &card : cards) {
            QNetworkReply *reply = m_nam.get(request(card));
            QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply, card] {
                const int status =
                    reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                const QJsonDocument answer = QJsonDocument::fromJson(reply->readAll());
                if (status != 200 || !answer.isObject())
                    failed->append(QStringLiteral("%1 (%2)").arg(card.id).arg(status));
                reply->deleteLater();
                if (--pending == 0)
                    loop.quit();
            });
        }
        if (pending > 0)
            loop.exec();
        return double(timer.nsecsElapsed()) / 1e6;
    }

private:
    QNetworkRequest request(const DashboardCard &card) const
    {
        QNetworkRequest r(m_base.resolved(QUrl(cardPath(card))));
        r.setRawHeader("Authorization", m_authorization);
        return r;
    }

    QNetworkAccessManager &m_nam;
    QUrl m_base;
    QByteArray m_authorization;
};

QByteArray signIn(const QUrl &base, const QString &user)
{
    keel::test::HttpClient http(base);
    const keel::test::HttpResult r = http.login(user, QStringLiteral("demo"));
    if (r.status != 200)
        throw BenchError(QStringLiteral("login %1 answered %2").arg(user).arg(r.status));
    return "Bearer " + r.json().value(QStringLiteral("access_token")).toString().toLatin1();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    int scale = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 0;
    if (scale < 1)
        scale = qMax(1, qEnvironmentVariableIntValue("KEEL_BENCH_SCALE"));
    QStringList figures;
    for (const RoleDashboard &d : dashboards())
        figures << QStringLiteral("dashboard_%1_ms").arg(d.key);
    figures << QStringLiteral("kpi_max_ms");
    return runBench(figures, [&] {
        if (scale > 1)
            qputenv("KEEL_DEMO_BILLING", "0");
        auto database = keel::test::TestDatabase::create(QStringLiteral("bench_dashboards"));
        {
            QSqlDatabase db = keel::db::connection(database.config());
            QElapsedTimer load;
            load.start();
            const keel::DemoLoadResult loaded = keel::loadDemoFirm(db, scale, {});
            if (!loaded.ok)
                throw BenchError(
                    QStringLiteral("demo load at scale %1: %2").arg(scale).arg(loaded.error));
            QSqlQuery q = keel::db::exec(
                db, QStringLiteral("SELECT after->>'analytics_ms' FROM audit_log WHERE action = "
                                   "'demo_firm.load'"));
            qInfo("loaded scale %d in %.1f s (the aggregates' step %s ms)", scale,
                  double(load.elapsed()) / 1000,
                  q.next() ? qPrintable(q.value(0).toString()) : "?");
            keel::db::exec(db, QStringLiteral("ANALYZE"));
        }

        ServerProcess server;
        server.spawn(database.url(), freePort(), 2);
        server.waitHealthy();
        QNetworkAccessManager nam;

        struct CardTime
        {
            QString name;
            double ms = 0;
        };
        QList<CardTime> cardTimes;
        for (const RoleDashboard &role : dashboards()) {
            Dashboard dashboard(nam, server.baseUrl(), signIn(server.baseUrl(), role.user));
            const QString figure = QStringLiteral("dashboard_%1_ms").arg(role.key);
            QStringList failed;
            dashboard.open(role.cards, &failed); // warm-up: connections, plans, caches
            QList<double> rounds;
            for (int i = 0; i < kRounds; ++i)
                rounds << dashboard.open(role.cards, &failed);
            failed.removeDuplicates();
            qInfo("%s: %d cards, median %.1f ms, rounds %s", qPrintable(role.key),
                  int(role.cards.size()), median(rounds), qPrintable([&] {
                      QStringList r;
                      for (double ms : rounds)
                          r << QString::number(ms, 'f', 1);
                      return r.join(u' ');
                  }()));
            if (failed.isEmpty())
                emitValue(figure, median(rounds), QStringLiteral("ms"), scale);
            else
                emitError(figure, QStringLiteral("cards that did not answer: %1")
                                      .arg(failed.join(QStringLiteral(", "))));

            // Each card alone: the server call the card waits for.
            for (const DashboardCard &card : role.cards) {
                QList<double> alone;
                for (int i = 0; i < kRounds; ++i) {
                    QStringList cardFailed;
                    alone << dashboard.open({card}, &cardFailed);
                    if (!cardFailed.isEmpty())
                        alone.clear();
                    if (!cardFailed.isEmpty())
                        break;
                }
                if (alone.isEmpty())
                    continue;
                const QString name = role.key + u'/' + card.id;
                cardTimes.append({name, median(alone)});
                qInfo("  %-40s %7.1f ms%s", qPrintable(name), median(alone),
                      median(alone) > 100 ? "  SLOW (> 100 ms)" : "");
            }
        }
        if (cardTimes.isEmpty())
            throw BenchError(QStringLiteral("no card answered"));
        const CardTime *slowest = &cardTimes.first();
        for (const CardTime &c : cardTimes)
            if (c.ms > slowest->ms)
                slowest = &c;
        emitDetailed(QStringLiteral("kpi_max_ms"), slowest->ms, slowest->name, scale);
        server.stop();
    });
}
