#include "sync_log_dialog.h"

#include "local_store.h"
#include "sync_engine.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace keel::timesheet {

namespace {

QString kindWords(const QString &kind)
{
    if (kind == QLatin1String("applied"))
        return SyncLogDialog::tr("Applied");
    if (kind == QLatin1String("rejected"))
        return SyncLogDialog::tr("Refused");
    if (kind == QLatin1String("conflict"))
        return SyncLogDialog::tr("Conflict");
    if (kind == QLatin1String("error"))
        return SyncLogDialog::tr("Problem");
    return SyncLogDialog::tr("Note");
}

QColor kindColour(const QString &kind)
{
    if (kind == QLatin1String("rejected") || kind == QLatin1String("error"))
        return QColor(0xA3, 0x1B, 0x1B);
    if (kind == QLatin1String("conflict"))
        return QColor(0xB0, 0x6A, 0x00);
    if (kind == QLatin1String("applied"))
        return QColor(0x1E, 0x6B, 0x34);
    return QColor(0x55, 0x5B, 0x66);
}

} // namespace

SyncLogDialog::SyncLogDialog(offline::LocalStore *store, offline::SyncEngine *engine,
                             QWidget *parent)
    : QDialog(parent), m_store(store), m_engine(engine), m_list(new QTreeWidget),
      m_summary(new QLabel)
{
    setObjectName("syncLogDialog");
    setWindowTitle(tr("Sync log"));
    m_list->setObjectName("syncLog");
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->setWordWrap(true);
    m_list->setHeaderLabels({tr("When"), tr("What"), tr("Details")});
    m_list->header()->setStretchLastSection(true);
    m_summary->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QPushButton *syncNow = buttons->addButton(tr("Sync now"), QDialogButtonBox::ActionRole);
    syncNow->setObjectName("syncNow");
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(syncNow, &QPushButton::clicked, this, [this] {
        if (m_engine)
            m_engine->syncNow();
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    connect(m_store, &offline::LocalStore::logAppended, this, &SyncLogDialog::reload);
    connect(m_store, &offline::LocalStore::changed, this, &SyncLogDialog::reload);
    resize(820, 460);
    reload();
    m_list->setColumnWidth(0, 150);
    m_list->setColumnWidth(1, 90);
}

void SyncLogDialog::reload()
{
    const int pending = m_store->unsyncedCount();
    QString summary = pending == 0   ? tr("Everything is on the server.")
                      : pending == 1 ? tr("1 change is not yet on the server.")
                                     : tr("%1 changes are not yet on the server.").arg(pending);
    if (m_engine && m_engine->lastSuccess().isValid())
        summary +=
            QLatin1Char(' ') + tr("Last successful sync: %1.")
                                   .arg(QLocale().toString(m_engine->lastSuccess().toLocalTime(),
                                                           QLocale::ShortFormat));
    m_summary->setText(summary);
    m_list->clear();
    for (const offline::SyncLogLine &line : m_store->log(500)) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(0, QLocale().toString(line.at.toLocalTime(), QLocale::ShortFormat));
        item->setText(1, kindWords(line.kind));
        item->setForeground(1, kindColour(line.kind));
        item->setText(2, line.text);
        item->setToolTip(2, line.text);
    }
}

} // namespace keel::timesheet
