// bench_dashboards: the role dashboards on the demo firm (issue 8): dashboard_<role>_ms for
// executive, service_leader, sales, project_manager and finance = from opening the dashboard to
// every card answered (targets: < 500 ms at scale 1, < 2 s at scale 10), and kpi_max_ms = the
// slowest card's single server call (target < 100 ms at scale 1), with that card in "detail".
//
// The firm is loaded in process (server/admin/demo_firm.h, which rebuilds every aggregate at its
// end), then keel-server runs as a child process with its default two worker threads. Each role
// signs in as its demo user (ceo, rm, salesdir, pm, controller) and opens the client's real
// DashboardView (app/ui/dashboards, offscreen, 1280 × 800) with the filter bar's default, the last
// twelve months: from constructing it to allCardsLoaded() and the grid painted, the median of five
// rounds after a warm-up one. The same cards' calls without the widget (all at once over one
// QNetworkAccessManager) go to stderr beside it. Then every card alone, one call at a time, five
// rounds: the slowest card's median is kpi_max_ms; each card's median goes to stderr, marked SLOW
// over 100 ms. The cards are the client's (dashboardCards(role), cardQuery).
// Scale: the first argument or KEEL_BENCH_SCALE (default 1); above 1 the billing replay (and with
// it the close history) is left out of the load (KEEL_DEMO_BILLING=0), as bench_close does.
#include "admin/demo_firm.h"
#include "bench_support.h"
#include "db/database.h"
#include "http_client.h"
#include "test_database.h"

#include "api_client.h"
#include "card_spec.h"
#include "dashboard_filter.h"
#include "dashboards/dashboard_view.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>

#include <QSqlQuery>

#include <cmath>
#include <cstdio>
#include <memory>

using namespace keel::bench;
using keel::dashboards::cardQuery;
using keel::dashboards::CardSpec;
using keel::dashboards::dashboardCards;
using keel::dashboards::DashboardFilter;
using keel::dashboards::DashboardRole;
using keel::dashboards::dashboardRoleAt;
using keel::dashboards::DashboardRoleCount;
using keel::dashboards::dashboardRoleKey;
using keel::dashboards::DashboardView;

namespace {

constexpr int kRounds = 5;

// The demo account that opens each dashboard.
QString demoUserOf(DashboardRole role)
{
    switch (role) {
    case DashboardRole::Executive:
        return QStringLiteral("ceo");
    case DashboardRole::ServiceLeader:
        return QStringLiteral("rm");
    case DashboardRole::Sales:
        return QStringLiteral("salesdir");
    case DashboardRole::ProjectManager:
        return QStringLiteral("pm");
    case DashboardRole::Finance:
        return QStringLiteral("controller");
    }
    return {};
}

// A card's call with the filter bar's default (the twelve months up to this one), as the
// client's DashboardView makes it.
QString cardPath(const CardSpec &card)
{
    const QUrlQuery q =
        cardQuery(card, DashboardFilter::lastTwelveFullMonths(QDate::currentDate()));
    return QStringLiteral("/api/v1/analytics/metrics/%1?%2")
        .arg(card.metric, q.toString(QUrl::FullyEncoded));
}

QString joined(const QList<double> &values)
{
    QStringList out;
    for (double v : values)
        out << QString::number(v, 'f', 1);
    return out.join(u' ');
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
    double open(const QList<CardSpec> &cards, QStringList *failed)
    {
        QEventLoop loop;
        qsizetype pending = cards.size();
        QElapsedTimer timer;
        timer.start();
        for (const CardSpec &card : cards) {
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
    QNetworkRequest request(const CardSpec &card) const
    {
        QNetworkRequest r(m_base.resolved(QUrl(cardPath(card))));
        r.setRawHeader("Authorization", m_authorization);
        return r;
    }

    QNetworkAccessManager &m_nam;
    QUrl m_base;
    QByteArray m_authorization;
};

struct SignedIn
{
    QString access, refresh;
};

SignedIn signIn(const QUrl &base, const QString &user)
{
    keel::test::HttpClient http(base);
    const keel::test::HttpResult r = http.login(user, QStringLiteral("demo"));
    if (r.status != 200)
        throw BenchError(QStringLiteral("login %1 answered %2").arg(user).arg(r.status));
    return {r.json().value(QStringLiteral("access_token")).toString(),
            r.json().value(QStringLiteral("refresh_token")).toString()};
}

// The real widget: from constructing the role's DashboardView and showing it (which fetches
// every card at once) to allCardsLoaded and the grid painted. Cards that failed go to `failed`.
double openWidget(keel::ApiClient &api, DashboardRole role, QStringList *failed)
{
    QElapsedTimer timer;
    timer.start();
    auto view = std::make_unique<DashboardView>(&api, role);
    view->setDrillEnabled(false);
    view->setFilter(DashboardFilter::lastTwelveFullMonths(QDate::currentDate()));
    QObject::connect(view.get(), &DashboardView::cardLoaded, view.get(),
                     [failed](const QString &id, qint64, bool ok) {
                         if (!ok)
                             failed->append(id);
                     });
    QEventLoop loop;
    QObject::connect(view.get(), &DashboardView::allCardsLoaded, &loop, &QEventLoop::quit);
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    view->resize(1280, 800);
    view->show();
    if (!view->isLoaded())
        loop.exec();
    if (!view->isLoaded())
        throw BenchError(QStringLiteral("%1: not every card answered within a minute")
                             .arg(dashboardRoleKey(role)));
    view->repaint();
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int scale = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 0;
    if (scale < 1)
        scale = qMax(1, qEnvironmentVariableIntValue("KEEL_BENCH_SCALE"));
    QList<DashboardRole> roles;
    QStringList figures;
    for (int i = 0; i < DashboardRoleCount; ++i) {
        roles << dashboardRoleAt(i);
        figures << QStringLiteral("dashboard_%1_ms").arg(dashboardRoleKey(roles.last()));
    }
    figures << QStringLiteral("kpi_max_ms");
    return runBench(figures, [&] {
        if (scale > 1)
            qputenv("KEEL_DEMO_BILLING", "0");
        auto database = keel::test::TestDatabase::create(QStringLiteral("bench_dashboards"));
        {
            QSqlDatabase db = keel::db::connection(database.config());
            QElapsedTimer load;
            load.start();
            // Where the load's time goes, step by step (stderr).
            QString step;
            qint64 stepStart = 0;
            QStringList steps;
            const auto progress = [&](int, const QString &name) {
                // "Closing 2025-03" and "Closing 2025-04" are one step.
                const QString phase =
                    QString(name).remove(QRegularExpression(QStringLiteral(" \\d{4}-\\d{2}.*$")));
                if (phase == step)
                    return;
                if (!step.isEmpty())
                    steps << QStringLiteral("%1 %2 s").arg(step).arg(
                        double(load.elapsed() - stepStart) / 1000, 0, 'f', 1);
                step = phase;
                stepStart = load.elapsed();
            };
            const keel::DemoLoadResult loaded = keel::loadDemoFirm(db, scale, progress);
            steps << QStringLiteral("%1 %2 s").arg(step).arg(
                double(load.elapsed() - stepStart) / 1000, 0, 'f', 1);
            qInfo("load steps: %s", qPrintable(steps.join(QStringLiteral(", "))));
            if (!loaded.ok)
                throw BenchError(
                    QStringLiteral("demo load at scale %1: %2").arg(scale).arg(loaded.error));
            QSqlQuery q = keel::db::exec(
                db, QStringLiteral("SELECT format('%s ms, the forecast snapshots %s ms', "
                                   "after->>'analytics_ms', after->>'snapshots_ms') FROM audit_log "
                                   "WHERE action = 'demo_firm.load'"));
            const QString analyticsMs = q.next() ? q.value(0).toString() : QStringLiteral("?");
            qInfo("loaded scale %d in %.1f s (the aggregates' step %s)", scale,
                  double(load.elapsed()) / 1000, qPrintable(analyticsMs));
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
        for (const DashboardRole role : roles) {
            const QString key = dashboardRoleKey(role);
            const QList<CardSpec> cards = dashboardCards(role);
            const SignedIn tokens = signIn(server.baseUrl(), demoUserOf(role));
            const QString figure = QStringLiteral("dashboard_%1_ms").arg(key);

            // The widget, as the user opens it: a warm-up, then the rounds.
            keel::ApiClient api;
            api.setBaseUrl(server.baseUrl());
            api.setTokens(tokens.access, tokens.refresh);
            QStringList failed;
            openWidget(api, role, &failed);
            QList<double> rounds;
            for (int i = 0; i < kRounds; ++i)
                rounds << openWidget(api, role, &failed);
            failed.removeDuplicates();
            qInfo("%s: %d cards, widget median %.1f ms (rounds %s)", qPrintable(key),
                  int(cards.size()), median(rounds), qPrintable(joined(rounds)));
            if (failed.isEmpty())
                emitValue(figure, median(rounds), QStringLiteral("ms"), scale);
            else
                emitError(figure, QStringLiteral("cards that did not answer: %1")
                                      .arg(failed.join(QStringLiteral(", "))));

            // The same calls without the widget: what the server and the network take.
            Dashboard http(nam, server.baseUrl(), "Bearer " + tokens.access.toLatin1());
            QStringList httpFailed;
            http.open(cards, &httpFailed);
            QList<double> parallel;
            for (int i = 0; i < kRounds; ++i)
                parallel << http.open(cards, &httpFailed);
            qInfo("%s: the cards' calls in parallel without the widget: median %.1f ms",
                  qPrintable(key), median(parallel));

            // Each card alone: the server call the card waits for.
            for (const CardSpec &card : cards) {
                QList<double> alone;
                QStringList cardFailed;
                for (int i = 0; i < kRounds && cardFailed.isEmpty(); ++i)
                    alone << http.open({card}, &cardFailed);
                if (!cardFailed.isEmpty())
                    continue;
                const QString name = key + u'/' + card.id;
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
