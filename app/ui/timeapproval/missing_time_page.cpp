#include "missing_time_page.h"

#include "list_style.h"
#include "missing_time_model.h"
#include "row_highlight_delegate.h"
#include "session.h"

#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace keel::timeapproval {

namespace {
enum Preset
{
    LastWeek,
    LastFourWeeks,
    ThisMonth,
    LastMonth,
    Custom
};

QDate mondayOf(QDate d)
{
    return d.addDays(1 - d.dayOfWeek());
}
} // namespace

MissingTimePage::MissingTimePage(Session *session, QWidget *parent)
    : QWidget(parent), m_model(new MissingTimeModel(session->api(), this)), m_view(new QTableView),
      m_preset(new QComboBox), m_from(new QDateEdit), m_to(new QDateEdit), m_status(new QLabel),
      m_copy(new QPushButton)
{
    setObjectName("missingTimePage");
    auto *title = new QLabel(tr("Missing time"));
    title->setObjectName("pageTitle");
    auto *intro = new QLabel(tr("Weeks that were not submitted, or submitted with fewer hours "
                                "than the person's contract expects."));
    intro->setObjectName("pageSummary");
    intro->setWordWrap(true);

    m_preset->setObjectName("periodPreset");
    m_preset->addItem(tr("Last week"), LastWeek);
    m_preset->addItem(tr("Last 4 weeks"), LastFourWeeks);
    m_preset->addItem(tr("This month"), ThisMonth);
    m_preset->addItem(tr("Last month"), LastMonth);
    m_preset->addItem(tr("Custom"), Custom);
    for (QDateEdit *e : {m_from, m_to}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("d MMM yyyy"));
    }
    m_from->setObjectName("periodFrom");
    m_to->setObjectName("periodTo");
    m_copy->setObjectName("copyReminders");
    m_copy->setText(tr("Copy reminder list"));
    m_copy->setToolTip(tr("One line per person with their missing weeks, ready to paste into a "
                          "mail or chat."));

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Period")));
    bar->addWidget(m_preset);
    bar->addWidget(m_from);
    bar->addWidget(new QLabel(QStringLiteral("–")));
    bar->addWidget(m_to);
    bar->addStretch(1);
    bar->addWidget(m_copy);

    m_view->setModel(m_model);
    styleListView(m_view);
    m_view->setObjectName("missingTimeView");
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->resizeSection(MissingTimeModel::PersonColumn, 200);
    m_view->horizontalHeader()->resizeSection(MissingTimeModel::WeekColumn, 120);

    m_view->setItemDelegate(new RowHighlightDelegate(MissingTimeModel::NothingEnteredRole, QColor(),
                                                     QColor(0xB4, 0x23, 0x18), m_view));

    m_status->setObjectName("hintLabel");
    m_status->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 22, 28, 18);
    layout->setSpacing(10);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);

    applyPreset(LastFourWeeks);
    m_preset->setCurrentIndex(m_preset->findData(LastFourWeeks));
    connect(m_preset, &QComboBox::activated, this,
            [this] { applyPreset(m_preset->currentData().toInt()); });
    for (QDateEdit *e : {m_from, m_to})
        connect(e, &QDateEdit::editingFinished, this, [this] {
            m_preset->setCurrentIndex(m_preset->findData(Custom));
            setPeriod(m_from->date(), m_to->date());
        });
    connect(m_copy, &QPushButton::clicked, this, &MissingTimePage::copyReminderList);
    connect(m_model, &MissingTimeModel::loaded, this, &MissingTimePage::updateState);
    updateState();
}

void MissingTimePage::applyPreset(int preset)
{
    const QDate today = QDate::currentDate();
    const QDate monday = mondayOf(today);
    switch (preset) {
    case LastWeek:
        setPeriod(monday.addDays(-7), monday.addDays(-1));
        break;
    case LastFourWeeks:
        setPeriod(monday.addDays(-28), monday.addDays(-1));
        break;
    case ThisMonth:
        setPeriod(QDate(today.year(), today.month(), 1), today);
        break;
    case LastMonth: {
        const QDate first = QDate(today.year(), today.month(), 1).addMonths(-1);
        setPeriod(first, first.addMonths(1).addDays(-1));
        break;
    }
    default:
        break;
    }
}

void MissingTimePage::setPeriod(QDate from, QDate to)
{
    m_from->setDate(from);
    m_to->setDate(to);
    m_model->setPeriod(from, to);
    if (m_loadedOnce)
        reload();
}

void MissingTimePage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_loadedOnce)
        reload();
}

void MissingTimePage::reload()
{
    m_loadedOnce = true;
    m_status->setText(tr("Loading…"));
    m_model->reload();
}

QString MissingTimePage::copyReminderList()
{
    const QString text = m_model->reminderText();
    if (!text.isEmpty()) {
        QGuiApplication::clipboard()->setText(text);
        m_status->setText(tr("Reminder list for %n person(s) copied to the clipboard.", nullptr,
                             int(text.count(u'\n') + 1)));
    }
    return text;
}

void MissingTimePage::updateState()
{
    m_copy->setEnabled(m_model->rowCount() > 0);
    if (!m_model->lastError().isEmpty())
        m_status->setText(m_model->lastError());
    else if (m_loadedOnce && !m_model->isLoading())
        m_status->setText(m_model->rowCount() == 0
                              ? tr("Everyone submitted their weeks in this period.")
                              : tr("%n week(s) missing or short.", nullptr, m_model->rowCount()));
}

} // namespace keel::timeapproval
