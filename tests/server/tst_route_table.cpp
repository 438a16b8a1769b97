#include "http/router.h"
#include "keel_server.h"
#include "permissions.h"
#include "system/openapi.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace keel;

// Access is declared, not scattered: every route names a permission and a row scope, only a
// handful are public, and the OpenAPI document describes exactly the routes the server has.
class RouteTableTest : public QObject
{
    Q_OBJECT

    KeelServer m_server{ServerConfig{}};

    static QSet<QString> knownPermissions()
    {
        using namespace Permission;
        return {Public,          Authenticated, UsersManage,   AuditRead,       IdentityRead,
                SalesUse,        DeliveryUse,   ResourcingUse, TimeUse,         BillingUse,
                FinanceUse,      DashboardsUse, InsightsUse,   WorkflowManage,  CatalogueManage,
                RateCardsManage, TimeApprove,   TimeOversee,   ExpensesApprove, PayablesManage,
                LedgerPost,      BillingManage, CashManage,    RevenueManage,   FxManage,
                CloseManage,     CloseApprove};
    }

private Q_SLOTS:
    void everyRouteDeclaresPermissionAndScope()
    {
        const QSet<QString> scopes{Scope::None,   Scope::Own,         Scope::MyProjects,
                                   Scope::MyTeam, Scope::LegalEntity, Scope::All};
        QVERIFY(m_server.router().routes().size() >= 10);
        for (const Route &r : m_server.router().routes()) {
            const QByteArray where = r.method + ' ' + r.pattern.toUtf8();
            QVERIFY2(knownPermissions().contains(r.permission), where);
            QVERIFY2(scopes.contains(r.scope), where);
            QVERIFY2(!r.summary.isEmpty(), where);
            QVERIFY2(r.handler != nullptr, where);
            QVERIFY2(r.pattern.startsWith(QStringLiteral("/api/v1/")), where);
        }
    }

    void onlyHealthLoginRefreshAndOpenapiArePublic()
    {
        QSet<QString> publicRoutes;
        for (const Route &r : m_server.router().routes())
            if (r.permission == QLatin1String(Permission::Public))
                publicRoutes.insert(QString::fromLatin1(r.method) + u' ' + r.pattern);
        QCOMPARE(publicRoutes,
                 (QSet<QString>{"GET /api/v1/health", "POST /api/v1/auth/login",
                                "POST /api/v1/auth/refresh", "GET /api/v1/openapi.json"}));
    }

    void noDuplicateRoutes()
    {
        QSet<QString> seen;
        for (const Route &r : m_server.router().routes()) {
            const QString key = QString::fromLatin1(r.method) + u' ' + r.pattern;
            QVERIFY2(!seen.contains(key), qPrintable(key));
            seen.insert(key);
        }
    }

    void openApiDocumentMatchesTheRouteTable()
    {
        const QJsonObject paths = openApiDocument().value("paths").toObject();
        QSet<QString> documented;
        for (auto p = paths.begin(); p != paths.end(); ++p)
            for (const QString &method : p.value().toObject().keys())
                documented.insert(method.toUpper() + u' ' + p.key());
        QSet<QString> registered;
        for (const Route &r : m_server.router().routes())
            registered.insert(QString::fromLatin1(r.method) + u' ' + r.pattern);
        QCOMPARE(registered - documented, QSet<QString>());
        QCOMPARE(documented - registered, QSet<QString>());
    }

    void routerAnswers404And405()
    {
        const Router &router = m_server.router();
        QVERIFY(router.match("GET", QStringLiteral("/api/v1/me")).route);
        QVERIFY(router.match("GET", QStringLiteral("/api/v1/me/")).route);
        const auto wrong = router.match("PUT", QStringLiteral("/api/v1/me"));
        QVERIFY(!wrong.route);
        QCOMPARE(wrong.allowedMethods, QStringList{QStringLiteral("GET")});
        const auto missing = router.match("GET", QStringLiteral("/api/v1/nope"));
        QVERIFY(!missing.route);
        QVERIFY(missing.allowedMethods.isEmpty());
        const auto params = router.match("DELETE", QStringLiteral("/api/v1/admin/users/7/roles/9"));
        QVERIFY(params.route);
        QCOMPARE(params.params.value(QStringLiteral("id")), QStringLiteral("7"));
        QCOMPARE(params.params.value(QStringLiteral("grant")), QStringLiteral("9"));
    }
};

QTEST_GUILESS_MAIN(RouteTableTest)
#include "tst_route_table.moc"
