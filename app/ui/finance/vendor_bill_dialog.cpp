#include "vendor_bill_dialog.h"

#include "api_client.h"
#include "api_reply.h"
#include "finance_api.h"
#include "finance_widgets.h"
#include "problem_text.h"
#include "sales_format.h"
#include "timeapproval/list_style.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

namespace keel::finance {

namespace {
// Column widths shared by the header and every line, so they read as one table.
constexpr int ProjectWidth = 210;
constexpr int TaskWidth = 160;
constexpr int HoursWidth = 70;
constexpr int RateWidth = 84;
constexpr int AmountWidth = 120;
constexpr int RemoveWidth = 26;
constexpr int Gap = 6;

// "95.5" shown as the user types numbers ("95,5" in German).
QString localDecimal(const QString &plain)
{
    QString s = plain;
    s.replace(u'.', QLocale().decimalPoint());
    return s;
}

QLabel *headerCell(const QString &text, int width, Qt::Alignment align = Qt::AlignLeft)
{
    auto *l = new QLabel(text);
    l->setProperty("muted", true);
    l->setAlignment(align | Qt::AlignVCenter);
    if (width > 0)
        l->setFixedWidth(width);
    return l;
}

QLineEdit *numberEdit(const char *name, int width)
{
    auto *e = new QLineEdit;
    e->setObjectName(name);
    e->setAlignment(Qt::AlignRight);
    e->setFixedWidth(width);
    return e;
}
} // namespace

VendorBillDialog::VendorBillDialog(ApiClient *api, const QString &entityCode, const QString &billId,
                                   QWidget *parent)
    : QDialog(parent), m_api(api), m_entity(entityCode), m_billId(billId), m_vendor(new QComboBox),
      m_agreement(new QComboBox), m_agreementInfo(new QLabel), m_reference(new QLineEdit),
      m_billDate(dateField(QDate::currentDate(), "billDate")),
      m_dueDate(dateField(QDate::currentDate(), "billDueDate")), m_currency(new QLabel),
      m_lineRows(new QVBoxLayout), m_total(new QLabel), m_message(new QLabel),
      m_save(new QPushButton(tr("Save draft"))), m_submit(new QPushButton(tr("Save and submit")))
{
    setObjectName("vendorBillDialog");
    setWindowTitle(billId.isEmpty() ? tr("New vendor bill") : tr("Edit vendor bill"));
    m_billLoaded = billId.isEmpty();
    m_vendor->setObjectName("billVendor");
    m_vendor->setMinimumWidth(320);
    m_agreement->setObjectName("billAgreement");
    m_agreement->setMinimumWidth(320);
    m_agreementInfo->setObjectName("agreementInfo");
    m_agreementInfo->setProperty("muted", true);
    m_reference->setObjectName("billReference");
    m_reference->setMaxLength(60);
    m_reference->setMinimumWidth(220);
    m_reference->setPlaceholderText(tr("The number on the vendor's bill"));
    m_currency->setObjectName("billCurrency");

    auto *agreementRow = new QHBoxLayout;
    agreementRow->addWidget(m_agreement);
    agreementRow->addWidget(m_agreementInfo, 1);
    auto *dueRow = new QHBoxLayout;
    dueRow->addWidget(m_dueDate);
    dueRow->addSpacing(16);
    dueRow->addWidget(new QLabel(tr("Currency")));
    dueRow->addWidget(m_currency);
    dueRow->addStretch(1);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->addRow(tr("Vendor"), m_vendor);
    form->addRow(tr("Agreement"), agreementRow);
    form->addRow(tr("Vendor's reference"), m_reference);
    form->addRow(tr("Bill date"), m_billDate);
    form->addRow(tr("Due date"), dueRow);

    // The lines: a header row and one row of fields per line, in a scrolling box.
    auto *header = new QHBoxLayout;
    header->setSpacing(Gap);
    header->setContentsMargins(0, 0, 0, 0);
    header->addWidget(headerCell(tr("Project"), ProjectWidth));
    header->addWidget(headerCell(tr("Task"), TaskWidth));
    header->addWidget(headerCell(tr("Description"), 0), 1);
    header->addWidget(headerCell(tr("Hours"), HoursWidth, Qt::AlignRight));
    header->addWidget(headerCell(tr("Rate"), RateWidth, Qt::AlignRight));
    header->addWidget(headerCell(tr("Amount"), AmountWidth, Qt::AlignRight));
    header->addSpacing(RemoveWidth + Gap);
    // Buttons to add lines and the total sit right under the last line.
    auto *addWork = new QPushButton(tr("Add work line"));
    addWork->setObjectName("addWorkLine");
    addWork->setToolTip(tr("Subcontractor hours on a project: hours × rate."));
    auto *addCost = new QPushButton(tr("Add other cost"));
    addCost->setObjectName("addCostLine");
    addCost->setToolTip(tr("A cost without a project, such as rent or software: an amount."));
    // Enter in a field never adds a line: only "Save and submit" is the default.
    addWork->setAutoDefault(false);
    addCost->setAutoDefault(false);
    m_total->setObjectName("billTotal");
    m_total->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto *linesBar = new QHBoxLayout;
    linesBar->addWidget(addWork);
    linesBar->addWidget(addCost);
    linesBar->addStretch(1);
    linesBar->addWidget(m_total);
    linesBar->addSpacing(RemoveWidth + Gap);
    auto *linesBox = new QWidget;
    linesBox->setObjectName("billLines");
    auto *linesLayout = new QVBoxLayout(linesBox);
    linesLayout->setContentsMargins(0, 0, 0, 0);
    linesLayout->setSpacing(4);
    m_lineRows->setSpacing(4);
    linesLayout->addLayout(m_lineRows);
    linesLayout->addSpacing(4);
    linesLayout->addLayout(linesBar);
    linesLayout->addStretch(1);
    auto *scroll = new QScrollArea;
    scroll->setWidget(linesBox);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // The lines sit on the dialog itself, not on a scroll area's panel.
    scroll->setObjectName("billLinesScroll");
    scroll->setStyleSheet(QStringLiteral(
        "QScrollArea#billLinesScroll, QWidget#billLines { background: transparent; }"));
    scroll->viewport()->setAutoFillBackground(false);
    scroll->setMinimumHeight(150);

    m_message->setObjectName("billMessage");
    m_message->setWordWrap(true);
    m_message->hide();
    m_save->setObjectName("saveBillDraft");
    m_save->setAutoDefault(false);
    m_submit->setObjectName("submitBill");
    m_submit->setProperty("primary", true);
    m_submit->setDefault(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    buttons->addButton(m_save, QDialogButtonBox::ActionRole);
    buttons->addButton(m_submit, QDialogButtonBox::AcceptRole);
    buttons->button(QDialogButtonBox::Cancel)->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &VendorBillDialog::saveDraft);
    connect(m_submit, &QPushButton::clicked, this, &VendorBillDialog::saveAndSubmit);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addSpacing(8);
    layout->addWidget(sectionLabel(tr("Lines")));
    layout->addLayout(header);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(1000, 460);
    // Once in the dialog: a button without a dialog above it cannot be its default.
    m_submit->setDefault(true);

    connect(addWork, &QPushButton::clicked, this, [this] { addWorkLine(); });
    connect(addCost, &QPushButton::clicked, this, [this] { addCostLine(); });
    connect(m_vendor, &QComboBox::currentIndexChanged, this, &VendorBillDialog::vendorChosen);
    connect(m_agreement, &QComboBox::currentIndexChanged, this, &VendorBillDialog::agreementChosen);
    connect(m_billDate, &QDateEdit::dateChanged, this, [this] {
        if (!m_dueTyped)
            setDueFromTerms();
    });
    connect(m_dueDate, &QDateEdit::dateChanged, this, [this] {
        if (!m_settingDue)
            m_dueTyped = true; // the user's own due date wins over the terms
    });
    m_vendor->setEnabled(billId.isEmpty());
    m_agreement->setEnabled(billId.isEmpty());
    loadVendors();
    loadProjects(QString());
    if (billId.isEmpty())
        addWorkLine();
    updateTotals();
}

void VendorBillDialog::loadVendors()
{
    ApiReply *r = FinanceApi(m_api).vendors(m_entity);
    connect(r, &ApiReply::finished, this, [this, r] {
        m_vendorsLoaded = true;
        if (!r->ok()) {
            showMessage(tr("The vendors could not be loaded: %1").arg(humanMessage(r->problem())),
                        true);
        } else {
            const QSignalBlocker quiet(m_vendor);
            for (const QJsonValue &v : r->object().value("items").toArray()) {
                const QJsonObject o = v.toObject();
                if (!o.value("active").toBool(true))
                    continue;
                m_vendors.append(o);
                m_vendor->addItem(o.value("name").toString(), sales::idText(o.value("id")));
            }
            if (m_vendors.isEmpty())
                showMessage(tr("The entity has no vendors yet."), true);
        }
        if (m_billId.isEmpty())
            vendorChosen();
        checkReady();
    });
}

void VendorBillDialog::loadProjects(const QString &after)
{
    // Finance reads the projects of its entities (GET /delivery/projects); closed ones take no
    // new costs. Paged by id until the last page.
    ApiReply *r = FinanceApi(m_api).projects(after);
    connect(r, &ApiReply::finished, this, [this, r] {
        if (!r->ok()) {
            m_projectsLoaded = true;
            showMessage(tr("The projects could not be loaded: %1").arg(humanMessage(r->problem())),
                        true);
            checkReady();
            return;
        }
        const QJsonObject page = r->object();
        for (const QJsonValue &v : page.value("items").toArray()) {
            const QJsonObject p = v.toObject();
            if (p.value("legal_entity").toString() == m_entity &&
                p.value("status").toString() != QLatin1String("closed"))
                m_projects.append(p);
        }
        const QString next = sales::idText(page.value("next_after"));
        if (!next.isEmpty()) {
            loadProjects(next);
            return;
        }
        m_projectsLoaded = true;
        for (int row = 0; row < lineCount(); ++row)
            if (m_lines[row].project && m_lines[row].project->count() <= 1) {
                const QSignalBlocker quiet(m_lines[row].project);
                for (const QJsonValue &v : std::as_const(m_projects)) {
                    const QJsonObject p = v.toObject();
                    m_lines[row].project->addItem(p.value("name").toString() +
                                                      QStringLiteral(" · ") +
                                                      p.value("account_name").toString(),
                                                  sales::idText(p.value("id")));
                }
            }
        checkReady();
    });
}

void VendorBillDialog::loadBill()
{
    ApiReply *r = FinanceApi(m_api).vendorBill(m_billId);
    connect(r, &ApiReply::finished, this, [this, r] {
        m_billLoaded = true;
        if (!r->ok()) {
            showMessage(tr("The bill could not be loaded: %1").arg(humanMessage(r->problem())),
                        true);
            emit ready();
            return;
        }
        const QJsonObject b = r->object();
        m_version = b.value("version").toInt();
        {
            const QSignalBlocker quiet(m_vendor);
            const int i = m_vendor->findData(sales::idText(b.value("vendor_id")));
            if (i >= 0)
                m_vendor->setCurrentIndex(i);
            else
                m_vendor->addItem(b.value("vendor_name").toString(),
                                  sales::idText(b.value("vendor_id")));
        }
        m_reference->setText(b.value("vendor_ref").toString());
        m_settingDue = true;
        m_billDate->setDate(QDate::fromString(b.value("bill_date").toString(), Qt::ISODate));
        m_dueDate->setDate(QDate::fromString(b.value("due_date").toString(), Qt::ISODate));
        m_settingDue = false;
        m_dueTyped = true; // the stored due date stays unless the user changes it
        m_currency->setText(b.value("total").toObject().value("currency").toString());
        m_pendingBill = b;
        loadAgreements();
        for (const QJsonValue &v : b.value("lines").toArray())
            fillLine(addLine(billLineFromJson(v.toObject()).kind), billLineFromJson(v.toObject()));
        updateTotals();
        emit ready();
    });
}

void VendorBillDialog::checkReady()
{
    if (!m_vendorsLoaded || !m_projectsLoaded)
        return;
    if (!m_billId.isEmpty() && !m_billLoaded && m_pendingBill.isEmpty()) {
        m_pendingBill = QJsonObject{{"loading", true}};
        loadBill();
        return;
    }
    if (isReady())
        emit ready();
}

QJsonObject VendorBillDialog::currentVendor() const
{
    const QString id = m_vendor->currentData().toString();
    for (const QJsonValue &v : m_vendors)
        if (sales::idText(v.toObject().value("id")) == id)
            return v.toObject();
    return {};
}

QJsonObject VendorBillDialog::currentAgreement() const
{
    const QString id = m_agreement->currentData().toString();
    if (id.isEmpty())
        return {};
    for (const QJsonValue &v : m_agreements)
        if (sales::idText(v.toObject().value("id")) == id)
            return v.toObject();
    return {};
}

void VendorBillDialog::vendorChosen()
{
    if (m_billId.isEmpty())
        m_currency->setText(currentVendor().value("currency").toString());
    setDueFromTerms();
    loadAgreements();
    updateTotals();
}

void VendorBillDialog::loadAgreements()
{
    const QString vendor = m_vendor->currentData().toString();
    {
        const QSignalBlocker quiet(m_agreement);
        m_agreement->clear();
        m_agreement->addItem(tr("None"), QString());
    }
    m_agreements = {};
    m_agreementInfo->clear();
    if (vendor.isEmpty())
        return;
    ApiReply *r = FinanceApi(m_api).agreements(vendor);
    connect(r, &ApiReply::finished, this, [this, r, vendor] {
        if (vendor != m_vendor->currentData().toString())
            return; // another vendor was chosen meanwhile
        if (!r->ok()) {
            showMessage(
                tr("The agreements could not be loaded: %1").arg(humanMessage(r->problem())), true);
            return;
        }
        const QString billAgreement = sales::idText(m_pendingBill.value("agreement_id"));
        const QSignalBlocker quiet(m_agreement);
        for (const QJsonValue &v : r->object().value("items").toArray()) {
            const QJsonObject a = v.toObject();
            const QString id = sales::idText(a.value("id"));
            if (a.value("status").toString() != QLatin1String("active") && id != billAgreement)
                continue;
            m_agreements.append(a);
            m_agreement->addItem(tr("%1 · %2 per hour")
                                     .arg(a.value("reference").toString(),
                                          sales::formatMoneyJson(QJsonObject{
                                              {"amount", a.value("hourly_rate").toString()},
                                              {"currency", a.value("currency").toString()}})),
                                 id);
        }
        if (!billAgreement.isEmpty())
            m_agreement->setCurrentIndex(std::max(0, m_agreement->findData(billAgreement)));
        agreementChosen();
    });
}

void VendorBillDialog::agreementChosen()
{
    const QJsonObject a = currentAgreement();
    if (a.isEmpty()) {
        m_agreementInfo->clear();
        if (m_billId.isEmpty())
            m_currency->setText(currentVendor().value("currency").toString());
        updateTotals();
        return;
    }
    // The agreement's currency is the bill's; its rate fills the work lines left without one.
    if (m_billId.isEmpty())
        m_currency->setText(a.value("currency").toString());
    const QJsonValue left = a.value("remaining");
    m_agreementInfo->setText(left.isObject() ? tr("%1 left under the cap of %2")
                                                   .arg(sales::formatMoneyJson(left),
                                                        sales::formatMoneyJson(a.value("cap")))
                                             : tr("No cap"));
    for (Line &l : m_lines)
        if (l.rate && l.rate->text().trimmed().isEmpty())
            l.rate->setText(localDecimal(a.value("hourly_rate").toString()));
    const QString project = sales::idText(a.value("project_id"));
    if (!project.isEmpty())
        for (Line &l : m_lines)
            if (l.project && l.project->currentData().toString().isEmpty())
                l.project->setCurrentIndex(std::max(0, l.project->findData(project)));
    updateTotals();
}

void VendorBillDialog::setDueFromTerms()
{
    if (m_dueTyped)
        return;
    const QJsonObject v = currentVendor();
    m_settingDue = true;
    m_dueDate->setDate(m_billDate->date().addDays(v.value("payment_terms_days").toInt()));
    m_settingDue = false;
}

int VendorBillDialog::addWorkLine()
{
    return addLine(BillLine::Kind::Work);
}

int VendorBillDialog::addCostLine()
{
    return addLine(BillLine::Kind::Cost);
}

int VendorBillDialog::addLine(BillLine::Kind kind)
{
    Line l;
    l.kind = kind;
    l.row = new QWidget;
    auto *h = new QHBoxLayout(l.row);
    h->setContentsMargins(0, 0, 0, 0);
    h->setSpacing(Gap);
    l.description = new QLineEdit;
    l.description->setObjectName("lineDescription");
    l.description->setMaxLength(500);
    if (kind == BillLine::Kind::Work) {
        l.project = new QComboBox;
        l.project->setObjectName("lineProject");
        l.project->setFixedWidth(ProjectWidth);
        l.project->addItem(tr("Choose a project"), QString());
        for (const QJsonValue &v : std::as_const(m_projects)) {
            const QJsonObject p = v.toObject();
            l.project->addItem(p.value("name").toString() + QStringLiteral(" · ") +
                                   p.value("account_name").toString(),
                               sales::idText(p.value("id")));
        }
        l.task = new QComboBox;
        l.task->setObjectName("lineTask");
        l.task->setFixedWidth(TaskWidth);
        l.task->addItem(tr("No task"), QString());
        l.hours = numberEdit("lineHours", HoursWidth);
        l.rate = numberEdit("lineRate", RateWidth);
        l.amountLabel = new QLabel;
        l.amountLabel->setObjectName("lineAmount");
        l.amountLabel->setFixedWidth(AmountWidth);
        l.amountLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        l.description->setPlaceholderText(tr("Work done"));
        h->addWidget(l.project);
        h->addWidget(l.task);
        h->addWidget(l.description, 1);
        h->addWidget(l.hours);
        h->addWidget(l.rate);
        h->addWidget(l.amountLabel);
        const QJsonObject a = currentAgreement();
        if (!a.isEmpty()) {
            l.rate->setText(localDecimal(a.value("hourly_rate").toString()));
            const int p = l.project->findData(sales::idText(a.value("project_id")));
            if (p > 0)
                l.project->setCurrentIndex(p);
        }
        QComboBox *project = l.project;
        connect(project, &QComboBox::currentIndexChanged, this, [this, project] {
            for (int row = 0; row < lineCount(); ++row)
                if (m_lines[row].project == project)
                    fillTasks(row);
        });
        connect(l.hours, &QLineEdit::textChanged, this, &VendorBillDialog::updateTotals);
        connect(l.rate, &QLineEdit::textChanged, this, &VendorBillDialog::updateTotals);
    } else {
        auto *what = new QLabel(tr("Other cost (no project)"));
        what->setProperty("muted", true);
        what->setFixedWidth(ProjectWidth + Gap + TaskWidth);
        l.amount = numberEdit("lineAmountEdit", AmountWidth);
        l.amount->setPlaceholderText(QStringLiteral("0") + QLocale().decimalPoint() +
                                     QStringLiteral("00"));
        l.description->setPlaceholderText(tr("Rent, software, travel …"));
        h->addWidget(what);
        h->addWidget(l.description, 1);
        h->addSpacing(HoursWidth + Gap + RateWidth + Gap);
        h->addWidget(l.amount);
        connect(l.amount, &QLineEdit::textChanged, this, &VendorBillDialog::updateTotals);
    }
    auto *remove = new QToolButton;
    remove->setObjectName("removeLine");
    remove->setText(QStringLiteral("✕"));
    remove->setToolTip(tr("Remove this line"));
    remove->setFixedWidth(RemoveWidth);
    remove->setAutoRaise(true);
    h->addWidget(remove);
    QWidget *row = l.row;
    connect(remove, &QToolButton::clicked, this, [this, row] {
        for (int r = 0; r < lineCount(); ++r)
            if (m_lines[r].row == row)
                removeLine(r);
    });
    m_lineRows->addWidget(l.row);
    m_lines.push_back(l);
    const int r = lineCount() - 1;
    if (l.project && l.project->currentIndex() > 0)
        fillTasks(r);
    updateTotals();
    return r;
}

void VendorBillDialog::removeLine(int row)
{
    if (row < 0 || row >= lineCount())
        return;
    m_lines[row].row->deleteLater();
    m_lines.erase(m_lines.begin() + row);
    updateTotals();
}

void VendorBillDialog::fillLine(int row, const BillLine &line)
{
    Line &l = m_lines[row];
    l.description->setText(line.description);
    if (l.kind == BillLine::Kind::Cost) {
        l.amount->setText(localDecimal(line.amount));
        return;
    }
    int p = l.project->findData(line.projectId);
    if (p < 0 && !line.projectId.isEmpty()) { // closed meanwhile: still the bill's project
        l.project->addItem(tr("Project %1").arg(line.projectId), line.projectId);
        p = l.project->count() - 1;
    }
    l.task->setProperty("wanted", line.taskId);
    l.project->setCurrentIndex(std::max(0, p));
    fillTasks(row, line.taskId);
    l.hours->setText(localDecimal(line.hours));
    l.rate->setText(localDecimal(line.rate));
}

void VendorBillDialog::fillTasks(int row, const QString &selectTask)
{
    Line &l = m_lines[row];
    const QString project = l.project->currentData().toString();
    const QString wanted =
        selectTask.isEmpty() ? l.task->property("wanted").toString() : selectTask;
    l.task->clear();
    l.task->addItem(tr("No task"), QString());
    if (project.isEmpty())
        return;
    if (!m_tasks.contains(project)) {
        l.task->setProperty("wanted", wanted);
        loadTasks(project);
        return;
    }
    for (const QJsonValue &v : m_tasks.value(project)) {
        const QJsonObject t = v.toObject();
        if (t.value("status").toString() == QLatin1String("closed"))
            continue;
        l.task->addItem(t.value("name").toString(), sales::idText(t.value("id")));
    }
    l.task->setCurrentIndex(std::max(0, l.task->findData(wanted)));
    l.task->setProperty("wanted", QString());
}

void VendorBillDialog::loadTasks(const QString &projectId)
{
    if (m_tasksAsked.contains(projectId))
        return;
    m_tasksAsked.append(projectId);
    ApiReply *r = FinanceApi(m_api).project(projectId);
    connect(r, &ApiReply::finished, this, [this, r, projectId] {
        m_tasksAsked.removeAll(projectId);
        if (!r->ok()) {
            showMessage(
                tr("The project's tasks could not be loaded: %1").arg(humanMessage(r->problem())),
                true);
            return;
        }
        m_tasks.insert(projectId, r->object().value("tasks").toArray());
        for (int row = 0; row < lineCount(); ++row)
            if (m_lines[row].project && m_lines[row].project->currentData() == projectId)
                fillTasks(row);
        emit tasksLoaded(projectId);
    });
}

QList<BillLine> VendorBillDialog::lines() const
{
    QList<BillLine> out;
    for (const Line &l : m_lines) {
        BillLine b;
        b.kind = l.kind;
        b.description = l.description->text().trimmed();
        if (l.kind == BillLine::Kind::Work) {
            b.projectId = l.project->currentData().toString();
            b.taskId = l.task->currentData().toString();
            b.hours = plainDecimal(l.hours->text());
            b.rate = plainDecimal(l.rate->text());
        } else {
            b.amount = plainDecimal(l.amount->text());
        }
        out.append(b);
    }
    return out;
}

QString VendorBillDialog::currency() const
{
    return m_currency->text();
}

QString VendorBillDialog::lineAmountText(int row) const
{
    const Line &l = m_lines.at(row);
    if (l.amountLabel)
        return l.amountLabel->text();
    const Money m = lineAmount(lines().at(row), currency());
    return m.isValid() ? sales::formatMoney(m) : QString();
}

QString VendorBillDialog::totalText() const
{
    return m_total->text();
}

void VendorBillDialog::updateTotals()
{
    const QList<BillLine> typed = lines();
    for (int row = 0; row < lineCount(); ++row)
        if (m_lines[row].amountLabel) {
            const Money m = lineAmount(typed.at(row), currency());
            m_lines[row].amountLabel->setText(m.isValid() ? sales::formatMoney(m)
                                                          : QStringLiteral("–"));
        }
    bool complete = false;
    const Money total = billTotal(typed, currency(), &complete);
    m_total->setText(total.isValid() ? tr("<b>Total %1</b>").arg(sales::formatMoney(total))
                                     : QString());
}

QString VendorBillDialog::incomplete() const
{
    if (m_vendor->currentData().toString().isEmpty())
        return tr("Choose the vendor.");
    if (m_reference->text().trimmed().isEmpty())
        return tr("Type the vendor's reference (the number on their bill).");
    if (m_lines.empty())
        return tr("Add at least one line.");
    const QList<BillLine> typed = lines();
    const bool agreementProject = !sales::idText(currentAgreement().value("project_id")).isEmpty();
    for (int i = 0; i < typed.size(); ++i) {
        const BillLine &l = typed.at(i);
        if (l.kind == BillLine::Kind::Cost && agreementProject)
            return tr("Line %1: the agreement covers its project only; enter other costs on a "
                      "bill without the agreement.")
                .arg(i + 1);
        if (l.kind == BillLine::Kind::Work && l.projectId.isEmpty())
            return tr("Line %1: choose the project.").arg(i + 1);
        if (l.description.isEmpty())
            return tr("Line %1: describe what is billed.").arg(i + 1);
        if (!lineAmount(l, currency()).isValid())
            return l.kind == BillLine::Kind::Work
                       ? tr("Line %1: type hours and rate as numbers.").arg(i + 1)
                       : tr("Line %1: type the amount as a number.").arg(i + 1);
    }
    return {};
}

QJsonObject VendorBillDialog::body() const
{
    QJsonArray lineArray;
    for (const BillLine &l : lines())
        lineArray.append(billLineJson(l, currency()));
    QJsonObject b{{"vendor_ref", m_reference->text().trimmed()},
                  {"bill_date", FinanceApi::date(m_billDate->date())},
                  {"due_date", FinanceApi::date(m_dueDate->date())},
                  {"lines", lineArray}};
    if (m_billId.isEmpty()) {
        b.insert("vendor_id", m_vendor->currentData().toString());
        const QString agreement = m_agreement->currentData().toString();
        if (!agreement.isEmpty())
            b.insert("agreement_id", agreement);
    } else {
        b.insert("version", m_version);
    }
    return b;
}

bool VendorBillDialog::saveDraft()
{
    return send(false);
}

bool VendorBillDialog::saveAndSubmit()
{
    return send(true);
}

bool VendorBillDialog::send(bool submit)
{
    if (m_sending)
        return false;
    const QString missing = incomplete();
    if (!missing.isEmpty()) {
        showMessage(missing, true);
        return false;
    }
    m_sending = true;
    m_save->setEnabled(false);
    m_submit->setEnabled(false);
    FinanceApi api(m_api);
    ApiReply *r =
        m_billId.isEmpty() ? api.createVendorBill(body()) : api.updateVendorBill(m_billId, body());
    connect(r, &ApiReply::finished, this, [this, r, submit] {
        if (!r->ok()) {
            m_sending = false;
            m_save->setEnabled(true);
            m_submit->setEnabled(true);
            showMessage(humanMessage(r->problem()), true);
            return;
        }
        const QJsonObject bill = r->object();
        // From now on the dialog edits the stored draft: a failed submit is retried on it.
        m_billId = sales::idText(bill.value("id"));
        m_version = bill.value("version").toInt();
        m_vendor->setEnabled(false);
        m_agreement->setEnabled(false);
        if (submit) {
            submitSaved(bill);
            return;
        }
        m_sending = false;
        emit saved(bill);
        accept();
    });
    return true;
}

void VendorBillDialog::submitSaved(const QJsonObject &bill)
{
    ApiReply *r = FinanceApi(m_api).submitVendorBill(m_billId, bill.value("version").toInt());
    connect(r, &ApiReply::finished, this, [this, r, bill] {
        m_sending = false;
        m_save->setEnabled(true);
        m_submit->setEnabled(true);
        if (!r->ok()) {
            showMessage(
                tr("Saved as a draft, but not submitted: %1").arg(humanMessage(r->problem())),
                true);
            emit saved(bill);
            return;
        }
        emit saved(r->object());
        accept();
    });
}

void VendorBillDialog::showMessage(const QString &text, bool error)
{
    timeapproval::showOutcome(m_message, text, error);
}

QString VendorBillDialog::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

} // namespace keel::finance
