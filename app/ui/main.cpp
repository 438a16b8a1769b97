// keel: the desktop client.
#include "app_controller.h"
#include "command_line.h"
#include "main_window.h"
#include "settings.h"
#include "token_store.h"
#include "translations.h"

#include <QApplication>
#include <QFile>
#include <QIcon>
#include <QImageReader>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTimer>
#include <QWidget>

#include <cstdio>

namespace {

QIcon applicationIcon()
{
    QIcon icon;
    if (QImageReader::supportedImageFormats().contains("svg"))
        icon.addFile(QStringLiteral(":/icons/keel.svg"));
    for (int size : {48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/keel-%1.png").arg(size), QSize(size, size));
    return icon;
}

QString styleSheet()
{
    QFile file(QStringLiteral(":/style/keel.qss"));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// --screenshot: picture of the first window shown, then quit.
void grabOnceShown(keel::AppController *controller, const QString &file)
{
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = QObject::connect(
        controller, &keel::AppController::windowShown, controller,
        [connection, file](QWidget *window) {
            QObject::disconnect(*connection);
            // Let layouts settle and the keychain probe answer before taking the picture.
            // KEEL_SCREENSHOT_DELAY_MS: pages whose slowest answer takes longer (insights).
            const int delay = qEnvironmentVariableIntValue("KEEL_SCREENSHOT_DELAY_MS");
            QTimer::singleShot(delay > 0 ? delay : 1200, window, [window, file] {
                const bool ok = window->grab().save(file);
                if (!ok)
                    std::fprintf(stderr, "keel: cannot write screenshot %s\n", qPrintable(file));
                QCoreApplication::exit(ok ? 0 : 1);
            });
        });
}

// --workspace: opens the workspace (and tab) once the main window is shown.
void openWorkspaceWhenShown(keel::AppController *controller, const QString &id, int tab)
{
    QObject::connect(controller, &keel::AppController::windowShown, controller,
                     [controller, id, tab](QWidget *window) {
                         if (window != controller->mainWindow())
                             return;
                         controller->mainWindow()->openWorkspace(id);
                         if (tab <= 0)
                             return;
                         auto *stack = window->findChild<QStackedWidget *>("workspaceStack");
                         QWidget *page = stack ? stack->currentWidget() : nullptr;
                         if (auto *tabs = page ? page->findChild<QTabWidget *>() : nullptr)
                             tabs->setCurrentIndex(tab - 1);
                     });
}

// --size: the main window at that size once shown (before --screenshot's picture).
void resizeWhenShown(keel::AppController *controller, const QSize &size)
{
    QObject::connect(controller, &keel::AppController::windowShown, controller,
                     [controller, size](QWidget *window) {
                         if (window == controller->mainWindow())
                             window->resize(size);
                     });
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Keel"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("keel.example"));
    QCoreApplication::setApplicationName(QStringLiteral("keel"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KEEL_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Keel"));
    QGuiApplication::setDesktopFileName(QStringLiteral("keel"));
    QApplication::setWindowIcon(applicationIcon());
    app.setStyleSheet(styleSheet());

    keel::Settings settings;
    keel::Translations translations;
    const keel::CommandLine commandLine = keel::CommandLine::parse(app.arguments());
    const QString language =
        commandLine.language.isEmpty() ? settings.language() : commandLine.language;
    if (!translations.switchTo(language))
        std::fprintf(stderr, "keel: language \"%s\" is not available, using English\n",
                     qPrintable(language));

    keel::TokenStore tokenStore;
    keel::AppController controller(&settings, &translations, &tokenStore);
    if (!commandLine.workspace.isEmpty())
        openWorkspaceWhenShown(&controller, commandLine.workspace, commandLine.workspaceTab);
    if (commandLine.windowSize.isValid())
        resizeWhenShown(&controller, commandLine.windowSize);
    if (!commandLine.screenshotFile.isEmpty())
        grabOnceShown(&controller, commandLine.screenshotFile);
    controller.start(commandLine);
    return app.exec();
}
