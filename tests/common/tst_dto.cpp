#include "auth_dto.h"
#include "permissions.h"
#include "problem.h"
#include "roles.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace keel;

class TestDto : public QObject
{
    Q_OBJECT

private slots:
    void problemRoundTrip()
    {
        Problem p;
        p.status = 422;
        p.type = problemTypeUri(ErrorType::Invalid);
        p.title = QStringLiteral("Validation failed");
        p.detail = QStringLiteral("2 fields are invalid");
        p.errors = {{"total/amount", "invalid_type", "amount must be a string"},
                    {"name", "required", "name is required"}};
        const QJsonObject j = p.toJson();
        QCOMPARE(j.value("status").toInt(), 422);
        QCOMPARE(j.value("type").toString(),
                 QStringLiteral("https://keel.example/problems/validation-failed"));
        QCOMPARE(j.value("errors").toArray().size(), 2);
        QCOMPARE(j.value("errors").toArray()[0].toObject().value("field").toString(),
                 QStringLiteral("total/amount"));
        const Problem back =
            Problem::fromJson(QJsonDocument::fromJson(QJsonDocument(j).toJson()).object());
        QCOMPARE(back, p);
    }

    void problemWithoutErrors()
    {
        Problem p{404, problemTypeUri(ErrorType::NotFound), "Not found", "no such invoice", {}};
        const QJsonObject j = p.toJson();
        QVERIFY(!j.contains("errors"));
        QCOMPARE(Problem::fromJson(j), p);
        QCOMPARE(Problem::fromJson(QJsonObject{}).status, 500);
    }

    void userInfoRoundTrip()
    {
        UserInfo u;
        u.id = 9007199254740993LL; // beyond double precision: id travels as a string
        u.username = QStringLiteral("ada");
        u.displayName = QStringLiteral("Ada Lovelace");
        u.email = QStringLiteral("ada@example.com");
        u.legalEntity = QStringLiteral("UK");
        u.roles = {{Role::Finance, "UK"}, {Role::Consultant, ""}, {Role::Finance, "DE"}};
        const QJsonObject j = u.toJson();
        QCOMPARE(j.value("id").toString(), QStringLiteral("9007199254740993"));
        QVERIFY(j.value("roles").toArray()[1].toObject().value("legal_entity").isNull());
        QCOMPARE(UserInfo::fromJson(j), u);
        QCOMPARE(u.roleNames(), (QStringList{"finance", "consultant"}));
    }

    void sessionTokensRoundTrip()
    {
        SessionTokens t;
        t.accessToken = QStringLiteral("acc");
        t.refreshToken = QStringLiteral("ref");
        t.accessExpiresAt = QDateTime(QDate(2026, 3, 2), QTime(10, 15, 30), Qt::UTC);
        t.user.id = 7;
        t.user.username = QStringLiteral("bob");
        t.user.roles = {{Role::Admin, ""}};
        t.permissions = permissionsOfRoles(t.user.roleNames());
        const QJsonObject j = t.toJson();
        QCOMPARE(j.value("expires_at").toString(), QStringLiteral("2026-03-02T10:15:30Z"));
        QCOMPARE(j.value("token_type").toString(), QStringLiteral("Bearer"));
        const SessionTokens back = SessionTokens::fromJson(j);
        QCOMPARE(back.accessToken, t.accessToken);
        QCOMPARE(back.refreshToken, t.refreshToken);
        QCOMPARE(back.accessExpiresAt, t.accessExpiresAt);
        QCOMPARE(back.user, t.user);
        QCOMPARE(
            back.permissions,
            (QStringList{Permission::UsersManage, Permission::AuditRead, Permission::IdentityRead,
                         Permission::WorkflowManage, Permission::CatalogueManage}));
    }

    void permissions()
    {
        QVERIFY(rolesGrant({Role::Consultant}, Permission::TimeUse));
        QVERIFY(!rolesGrant({Role::Consultant}, Permission::BillingUse));
        QVERIFY(rolesGrant({}, Permission::Public));
        QVERIFY(rolesGrant({}, Permission::Authenticated));
        QVERIFY(!rolesGrant({"nobody"}, Permission::TimeUse));
        QVERIFY(isKnownRole(Role::Controller));
        QVERIFY(!isKnownRole("root"));
        QCOMPARE(allRoles().size(), 9);
    }
};

QTEST_GUILESS_MAIN(TestDto)
#include "tst_dto.moc"
