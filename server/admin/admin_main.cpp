// keel-admin: operator commands run next to the server: migrate, create-user, load-demo.

#include "admin/demo_firm.h"
#include "config/server_config.h"
#include "db/database.h"
#include "db/migrator.h"
#include "http/http_types.h"
#include "identity/identity_service.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>

using namespace keel;

namespace {
int fail(const QString &message)
{
    std::fprintf(stderr, "keel-admin: %s\n", qPrintable(message));
    return 1;
}

void progressLine(int percent, const QString &step)
{
    std::fprintf(stderr, "\r[%3d%%] %-60s", percent, qPrintable(step.left(60)));
    if (percent >= 100)
        std::fputc('\n', stderr);
    std::fflush(stderr);
}

int migrate(const DbConfig &config)
{
    QSqlDatabase db = db::open(config, QStringLiteral("admin"));
    QElapsedTimer timer;
    timer.start();
    const int applied = Migrator::migrate(db, [](const Migration &m) {
        std::fprintf(stderr, "applying %04d_%s\n", m.version, qPrintable(m.name));
    });
    std::printf("%d migrations applied, schema version %d, %lld ms\n", applied,
                Migrator::schemaVersion(db), timer.elapsed());
    return 0;
}

int createUser(const DbConfig &config, const QCommandLineParser &p)
{
    ServerConfig serverConfig;
    serverConfig.database = config;
    IdentityService identity(serverConfig);
    Request request;
    request.requestId = QStringLiteral("keel-admin");
    CreateUserCommand c{p.value("username"), p.value("display-name"), p.value("email"),
                        p.value("password"), p.value("entity"),       p.value("practice")};
    if (c.displayName.isEmpty())
        c.displayName = c.username;
    const UserInfo user = identity.createUser(request, c);
    for (const QString &grant : p.values("role")) {
        const QStringList parts = grant.split(u':');
        identity.grantRole(request, user.id, parts.value(0), parts.value(1));
    }
    std::printf("created user %s (id %lld)\n", qPrintable(user.username), user.id);
    return 0;
}

int loadDemo(const DbConfig &config, int scale)
{
    QSqlDatabase db = db::open(config, QStringLiteral("admin"));
    Migrator::migrate(db);
    QElapsedTimer timer;
    timer.start();
    const DemoLoadResult result = loadDemoFirm(db, scale, progressLine);
    if (!result.ok)
        return fail(result.error);
    std::printf("demo firm loaded at scale %d: %d employees in %.1f s\n", scale, result.employees,
                double(timer.elapsed()) / 1000.0);
    return 0;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("keel-admin"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KEEL_VERSION));

    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Keel administration.\n\nCommands:\n"
        "  migrate                      apply pending migrations\n"
        "  create-user --username U --password P --entity CODE [--role R[:ENTITY]]...\n"
        "  load-demo [--scale N]        load the demo firm (once per database)"));
    p.addHelpOption();
    p.addVersionOption();
    p.addPositionalArgument(QStringLiteral("command"),
                            QStringLiteral("migrate | create-user | load-demo"));
    p.addOptions({
        {{"d", "database-url"},
         "PostgreSQL URL [KEEL_DATABASE_URL]",
         "url",
         QString::fromLocal8Bit(qgetenv("KEEL_DATABASE_URL"))},
        {"scale", "demo firm scale (1 = 600 employees)", "n", "1"},
        {"username", "user name", "name"},
        {"password", "password", "password"},
        {"display-name", "display name", "name"},
        {"email", "e-mail address", "email"},
        {"entity", "legal entity code (US, UK, DE)", "code"},
        {"practice", "practice code", "code"},
        {"role", "role to grant, optionally :ENTITY scoped; repeatable", "role"},
    });
    p.process(app);

    QString error;
    const auto config = DbConfig::fromUrl(p.value("database-url"), &error);
    if (!config)
        return fail(QStringLiteral("--database-url: %1").arg(error));
    const QString command = p.positionalArguments().value(0);
    try {
        if (command == QLatin1String("migrate"))
            return migrate(*config);
        if (command == QLatin1String("create-user"))
            return createUser(*config, p);
        if (command == QLatin1String("load-demo")) {
            bool ok = false;
            const int scale = p.value("scale").toInt(&ok);
            if (!ok || scale < 1 || scale > 100)
                return fail(QStringLiteral("--scale: expected 1..100"));
            return loadDemo(*config, scale);
        }
    } catch (const ApiError &e) {
        return fail(e.problem().detail);
    } catch (const DbError &e) {
        return fail(QString::fromUtf8(e.what()));
    }
    p.showHelp(2);
}
