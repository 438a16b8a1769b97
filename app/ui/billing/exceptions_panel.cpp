#include "exceptions_panel.h"

#include "billing_exceptions_model.h"
#include "permissions.h"
#include "session.h"
#include "timeapproval/list_style.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QStackedLayout>
#include <QTableView>
#include <QVBoxLayout>

namespace keel::billing {

ExceptionsPanel::ExceptionsPanel(Session *session, QWidget *parent)
    : QWidget(parent), m_session(session),
      m_model(new BillingExceptionsModel(session->api(), this)), m_status(new QComboBox),
      m_view(new QTableView), m_message(new QLabel), m_empty(new QLabel),
      m_writeOff(new QPushButton), m_release(new QPushButton), m_detail(new QLabel)
{
    setObjectName("exceptionsPanel");
    auto *intro = new QLabel(tr("Hours a billing run held back: beyond a contract's "
                                "not-to-exceed cap, or without a rate. Write them off, or "
                                "release them once a change order has raised the cap."));
    intro->setObjectName("pageSummary");
    intro->setWordWrap(true);
    m_status->setObjectName("exceptionStatus");
    m_status->addItem(tr("Open"), QStringLiteral("open"));
    m_status->addItem(tr("Written off"), QStringLiteral("written_off"));
    m_status->addItem(tr("Released"), QStringLiteral("released"));
    m_status->addItem(tr("All"), QString());
    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Status")));
    filters->addWidget(m_status);
    filters->addStretch(1);

    m_view->setModel(m_model);
    timeapproval::styleListView(m_view);
    m_view->setObjectName("exceptionsView");
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    QHeaderView *h = m_view->horizontalHeader();
    h->setSectionResizeMode(QHeaderView::Interactive);
    h->setSectionResizeMode(BillingExceptionsModel::DetailColumn, QHeaderView::Stretch);

    m_empty->setObjectName("emptyState");
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    auto *holder = new QWidget;
    auto *stack = new QStackedLayout(holder);
    stack->addWidget(m_view);
    stack->addWidget(m_empty);

    // The picked exception in full: the list has room for the start of its story only.
    m_detail->setObjectName("exceptionDetail");
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setStyleSheet(QStringLiteral("color:#23324A;"));
    m_message->setObjectName("boardMessage");
    m_message->setWordWrap(true);
    m_message->hide();
    m_writeOff->setObjectName("writeOffButton");
    m_writeOff->setText(tr("Write off…"));
    m_release->setObjectName("releaseButton");
    m_release->setText(tr("Release…"));
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_detail, 1);
    actions->addWidget(m_writeOff);
    actions->addWidget(m_release);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 12, 0, 0);
    layout->setSpacing(8);
    layout->addWidget(intro);
    layout->addLayout(filters);
    layout->addWidget(m_message);
    layout->addWidget(holder, 1);
    layout->addLayout(actions);

    connect(m_status, &QComboBox::activated, this, [this] {
        m_message->hide();
        reload();
    });
    connect(m_model, &BillingExceptionsModel::loaded, this, [this, stack] {
        const bool empty = m_model->rowCount() == 0;
        m_empty->setText(!m_model->lastError().isEmpty()
                             ? m_model->lastError()
                             : tr("Nothing held back. Billing runs list here what they could "
                                  "not bill."));
        stack->setCurrentIndex(empty ? 1 : 0);
        // Columns as wide as their words; the client and contract at most 200 pixels, the
        // detail takes the rest (and shows in full below).
        m_view->resizeColumnsToContents();
        if (m_view->columnWidth(BillingExceptionsModel::ContractColumn) > 200)
            m_view->setColumnWidth(BillingExceptionsModel::ContractColumn, 200);
        if (m_status->currentData().toString() == QLatin1String("open"))
            emit countChanged(m_model->rowCount());
        if (!empty)
            m_view->selectRow(0);
        updateButtons();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ExceptionsPanel::updateButtons);
    connect(m_model, &BillingExceptionsModel::resolved, this,
            [this](const QString &, const QString &text) { showMessage(text, false); });
    connect(m_model, &BillingExceptionsModel::actionFailed, this,
            [this](const QString &text) { showMessage(text, true); });
    const auto ask = [this](bool writeOff) {
        const QString id = currentId();
        if (id.isEmpty())
            return;
        bool ok = false;
        const QString note = QInputDialog::getMultiLineText(
            this, writeOff ? tr("Write off") : tr("Release"),
            writeOff ? tr("Why are these hours never billed? (required)")
                     : tr("What raised the cap, e.g. the change order? (required)"),
            QString(), &ok);
        if (!ok)
            return;
        if (writeOff)
            writeOffCurrent(note);
        else
            releaseCurrent(note);
    };
    connect(m_writeOff, &QPushButton::clicked, this, [ask] { ask(true); });
    connect(m_release, &QPushButton::clicked, this, [ask] { ask(false); });
    updateButtons();
}

void ExceptionsPanel::setLegalEntity(const QString &id)
{
    m_model->setLegalEntity(id);
    reload();
}

void ExceptionsPanel::reload()
{
    m_model->setStatus(m_status->currentData().toString());
    m_model->reload();
}

QString ExceptionsPanel::currentId() const
{
    const QModelIndex i = m_view->currentIndex();
    return i.isValid() ? m_model->idAt(i.row()) : QString();
}

void ExceptionsPanel::writeOffCurrent(const QString &note)
{
    m_model->writeOff(currentId(), note);
}

void ExceptionsPanel::releaseCurrent(const QString &note)
{
    m_model->release(currentId(), note);
}

QString ExceptionsPanel::message() const
{
    return m_message->text();
}

void ExceptionsPanel::updateButtons()
{
    const bool manage = m_session->hasPermission(QLatin1String(Permission::BillingManage));
    const QModelIndex i = m_view->currentIndex();
    const QJsonObject e = m_model->exception(i.row());
    const bool open = i.isValid() && e.value("status").toString() == QLatin1String("open");
    m_detail->setText(i.isValid() ? e.value("detail").toString() : QString());
    m_writeOff->setEnabled(manage && open);
    m_release->setEnabled(manage && open);
}

void ExceptionsPanel::showMessage(const QString &text, bool error)
{
    timeapproval::showOutcome(m_message, text, error);
}

} // namespace keel::billing
