#include "invoice_detail.h"

#include "api_client.h"
#include "api_reply.h"
#include "billing_format.h"
#include "credit_note.h"
#include "decimal.h"
#include "json_array_model.h"
#include "money.h"
#include "problem_text.h"
#include "sales_format.h"

#include <QJsonArray>

#include <memory>

namespace keel::billing {

using delivery::JsonArrayModel;
using sales::idText;
using sales::ListColumn;

namespace {
constexpr auto Context = "keel::billing::InvoiceColumns";
constexpr auto Shown = ListColumn::Format::Count; // precomputed text, right-aligned

// A column without server-side sorting.
ListColumn column(const char *key, const char *title,
                  ListColumn::Format format = ListColumn::Format::Text)
{
    return {QString::fromLatin1(key), title, format, QString()};
}

// Money as the API sends it, or a bare decimal in the invoice's currency.
QString amountText(const QJsonValue &v, const QString &currency)
{
    if (v.isObject())
        return moneyText(v);
    if (v.isString() && !v.toString().isEmpty()) {
        const auto d = Decimal::parse(v.toString());
        const QString grouped = d ? sales::groupDigits(d->rounded(6).toString(2)) : v.toString();
        return currency.isEmpty() ? grouped : currency + u' ' + grouped;
    }
    if (v.isDouble()) // never sent by Keel; shown rather than hidden
        return v.toVariant().toString();
    return {};
}

QString decimalText(const QJsonValue &v)
{
    const QString s = v.isString() ? v.toString() : v.toVariant().toString();
    const auto d = Decimal::parse(s);
    return d ? sales::groupDigits(d->toString(2)) : s;
}

QJsonValue firstOf(const QJsonObject &o, std::initializer_list<const char *> keys)
{
    for (const char *k : keys) {
        const QJsonValue v = sales::valueAt(o, QString::fromLatin1(k));
        if (!v.isUndefined() && !v.isNull() && !(v.isString() && v.toString().isEmpty()))
            return v;
    }
    return {};
}

QString textOf(const QJsonValue &v)
{
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (const char *k : {"display_name", "name", "title", "code"})
            if (o.contains(QLatin1String(k)))
                return o.value(QLatin1String(k)).toString();
    }
    return v.toVariant().toString();
}

QString unitText(const QString &unit)
{
    if (unit == QLatin1String("hours"))
        return InvoiceDetail::tr("h");
    if (unit == QLatin1String("month"))
        return InvoiceDetail::tr("month");
    return {};
}

QJsonObject shownLine(const QJsonObject &line, const QString &currency)
{
    QJsonObject s = line;
    s.insert("kind_text", lineKindText(line.value("kind").toString()));
    const QString unit = unitText(line.value("unit").toString());
    const QString qty = decimalText(line.value("quantity"));
    s.insert("quantity_text", unit.isEmpty() ? qty : qty + u' ' + unit);
    s.insert("unit_price_text", amountText(line.value("unit_price"), currency));
    s.insert("gross_text", amountText(line.value("gross_amount"), currency));
    const Money wd = sales::moneyFromJsonValue(line.value("write_down"));
    QString wdText;
    const QString wdStatus = line.value("write_down_status").toString();
    const bool hasWd =
        (wd.isValid() && !wd.isZero()) ||
        (line.value("write_down").isString() &&
         Decimal::parse(line.value("write_down").toString()).valueOr(Decimal()) != Decimal());
    if (hasWd) {
        wdText = u'−' + amountText(line.value("write_down"), currency);
        if (wdStatus == QLatin1String("pending"))
            wdText += u' ' + InvoiceDetail::tr("(awaiting approval)");
        else if (wdStatus == QLatin1String("rejected"))
            wdText += u' ' + InvoiceDetail::tr("(rejected)");
    }
    s.insert("write_down_text", wdText);
    s.insert("amount_text", amountText(line.value("amount"), currency));
    const QString rate = line.value("tax_rate").toString();
    const QString tax = amountText(line.value("tax_amount"), currency);
    s.insert("tax_text",
             rate.isEmpty() || Decimal::parse(rate).valueOr(Decimal()) == Decimal()
                 ? tax
                 : QStringLiteral("%1 (%2 %)").arg(tax, sales::formatDecimalText(rate, 2)));
    return s;
}

// The sources answer as rows of one shape, whatever the kind: date, person, hours, rate,
// amount and what it was (notes, the expense's description, the milestone's name).
QJsonArray shownSources(const QJsonObject &answer, const QString &currency)
{
    QList<QPair<QString, QJsonArray>> groups;
    if (answer.value("items").isArray())
        groups.append({QString(), answer.value("items").toArray()});
    for (auto it = answer.begin(); it != answer.end(); ++it)
        if (it.key() != QLatin1String("items") && it.value().isArray())
            groups.append({it.key(), it.value().toArray()});
    static const QHash<QString, QString> kindOfGroup{{"time_entries", "time_entry"},
                                                     {"expenses", "expense"},
                                                     {"milestones", "milestone"},
                                                     {"schedule_items", "schedule_item"},
                                                     {"periods", "retainer_period"}};
    QJsonArray rows;
    for (const auto &[group, items] : groups)
        for (const QJsonValue &v : items) {
            const QJsonObject o = v.toObject();
            QJsonObject r;
            r.insert("id", o.value("id"));
            QString kind = textOf(firstOf(o, {"kind", "source_kind"}));
            if (kind.isEmpty())
                kind = kindOfGroup.value(group, group);
            r.insert("kind_text", lineKindText(kind));
            QString date = textOf(firstOf(o, {"work_date", "date", "expense_date", "actual_date",
                                              "due_date", "planned_date", "service_start"}));
            // Retainer and subscription periods are keyed "<contract line>:<first day>".
            if (date.isEmpty() && o.value("key").toString().contains(u':'))
                date = o.value("key").toString().section(u':', 1);
            r.insert("date", date);
            r.insert("person", textOf(firstOf(o, {"person", "employee_name", "person_name",
                                                  "employee", "user"})));
            const QJsonValue hours = firstOf(o, {"hours", "billed_hours"});
            r.insert("hours_text", hours.isUndefined() ? QString() : decimalText(hours));
            r.insert("rate_text", amountText(firstOf(o, {"rate", "unit_price"}), currency));
            r.insert("amount_text", amountText(firstOf(o, {"billed_amount", "amount"}), currency));
            r.insert("notes", textOf(firstOf(o, {"notes", "description", "name", "title"})));
            rows.append(r);
        }
    return rows;
}
} // namespace

InvoiceDetail::InvoiceDetail(ApiClient *api, QObject *parent)
    : QObject(parent), m_api(api),
      m_lines(new JsonArrayModel(
          {
              column("line_no", QT_TRANSLATE_NOOP("keel::billing::InvoiceColumns", "#"), Shown),
              column("kind_text", QT_TRANSLATE_NOOP("keel::billing::InvoiceColumns", "Kind")),
              column("description",
                     QT_TRANSLATE_NOOP("keel::billing::InvoiceColumns", "Description")),
              column("quantity_text",
                     QT_TRANSLATE_NOOP("keel::billing::InvoiceColumns", "Quantity"), Shown),
              column("unit_price_text", QT_TRANSLATE_NOOP("keel::billing::InvoiceColumns", "Price"),
                     Shown),
              column("gross_text", QT_TRANSLATE_NOOP("keel::billing::InvoiceColumns", "Gross"),
                     Shown),
              column("write_down_text",
                     QT_TRANSLATE_NOOP("keel::billing::InvoiceColumns", "Write-down"), Shown),
              column("amount_text", QT_TRANSLATE_NOOP("keel::billing::InvoiceColumns", "Amount"),
                     Shown),
              column("tax_text", QT_TRANSLATE_NOOP("keel::billing::InvoiceColumns", "Tax"), Shown),
          },
          Context, this)),
      m_sources(new JsonArrayModel(
          {
              column("kind_text", QT_TRANSLATE_NOOP("keel::billing::InvoiceColumns", "Source")),
              column("date", QT_TRANSLATE_NOOP("keel::billing::InvoiceColumns", "Date"),
                     ListColumn::Format::Date),
              column("person", QT_TRANSLATE_NOOP("keel::billing::InvoiceColumns", "Person")),
              column("hours_text", QT_TRANSLATE_NOOP("keel::billing::InvoiceColumns", "Hours"),
                     Shown),
              column("rate_text", QT_TRANSLATE_NOOP("keel::billing::InvoiceColumns", "Rate"),
                     Shown),
              column("amount_text", QT_TRANSLATE_NOOP("keel::billing::InvoiceColumns", "Amount"),
                     Shown),
              column("notes", QT_TRANSLATE_NOOP("keel::billing::InvoiceColumns", "Notes")),
          },
          Context, this))
{
    connect(m_lines, &JsonArrayModel::edited, this,
            [this](int row, const QString &key, const QString &value) {
                if (key == QLatin1String("description"))
                    setLineDescription(lineId(row), value);
            });
}

void InvoiceDetail::load(const QString &invoiceId)
{
    if (invoiceId != m_id) {
        m_sources->setItems({});
        m_sourcesLine.clear();
        m_sourcesSummary.clear();
    }
    m_id = invoiceId;
    reload();
}

void InvoiceDetail::clear()
{
    ++m_generation;
    m_id.clear();
    m_invoice = {};
    m_lines->setItems({});
    m_sources->setItems({});
    m_sourcesLine.clear();
    m_sourcesSummary.clear();
    emit loaded();
}

void InvoiceDetail::reload()
{
    if (!m_api || m_id.isEmpty())
        return;
    const int generation = ++m_generation;
    ApiReply *r = m_api->get(QStringLiteral("/api/v1/billing/invoices/") + m_id);
    connect(r, &ApiReply::finished, this, [this, r, generation] {
        if (generation != m_generation)
            return;
        if (!r->ok()) {
            emit loadFailed(humanMessage(r->problem()));
            return;
        }
        takeInvoice(r->object());
    });
}

void InvoiceDetail::takeInvoice(const QJsonObject &invoice)
{
    m_invoice = invoice;
    const QString currency = m_invoice.value("currency").toString();
    QJsonArray lines;
    for (const QJsonValue &v : m_invoice.value("lines").toArray())
        lines.append(shownLine(v.toObject(), currency));
    m_lines->setItems(lines);
    m_lines->setEditableKeys(isDraft() ? QStringList{QStringLiteral("description")}
                                       : QStringList());
    if (!m_sourcesLine.isEmpty() && rowOfLine(m_sourcesLine) < 0) {
        m_sources->setItems({}); // the line was held
        m_sourcesLine.clear();
        m_sourcesSummary.clear();
    }
    loadCredits();
    emit loaded();
    if (!m_pendingCredit.isEmpty()) {
        m_lastCreditNote = m_pendingCredit;
        m_pendingCredit = {};
        emit creditNoteIssued(m_lastCreditNote);
        emit changed(m_id, creditNoteMessage(m_lastCreditNote));
    }
}

bool InvoiceDetail::isDraft() const
{
    return m_invoice.value("status").toString() == QLatin1String("draft");
}

bool InvoiceDetail::hasWriteDowns() const
{
    for (const QJsonObject &l : m_lines->items())
        if (!l.value("write_down_text").toString().isEmpty())
            return true;
    return false;
}

QJsonObject InvoiceDetail::line(int row) const
{
    return m_lines->rowObject(row);
}

QString InvoiceDetail::lineId(int row) const
{
    return idText(line(row).value("id"));
}

int InvoiceDetail::rowOfLine(const QString &lineId) const
{
    return m_lines->rowOf(lineId);
}

void InvoiceDetail::loadSources(const QString &lineId)
{
    if (!m_api || m_id.isEmpty() || lineId.isEmpty())
        return;
    m_sourcesLine = lineId;
    const QString invoiceId = m_id;
    const QString currency = m_invoice.value("currency").toString();
    ApiReply *r = m_api->get(
        QStringLiteral("/api/v1/billing/invoices/%1/lines/%2/sources").arg(invoiceId, lineId));
    connect(r, &ApiReply::finished, this, [this, r, invoiceId, lineId, currency] {
        if (invoiceId != m_id || lineId != m_sourcesLine)
            return; // another line was picked meanwhile
        if (!r->ok()) {
            m_sources->setItems({});
            m_sourcesSummary = humanMessage(r->problem());
            emit sourcesLoaded(lineId);
            return;
        }
        const QJsonArray rows = shownSources(r->object(), currency);
        m_sources->setItems(rows);
        const QJsonObject l = line(rowOfLine(lineId));
        m_sourcesSummary =
            rows.isEmpty() ? tr("Nothing recorded behind line %1.").arg(l.value("line_no").toInt())
            : rows.size() == 1
                ? tr("Line %1 bills 1 record:").arg(l.value("line_no").toInt())
                : tr("Line %1 bills %2 records:").arg(l.value("line_no").toInt()).arg(rows.size());
        emit sourcesLoaded(lineId);
    });
}

void InvoiceDetail::setLineDescription(const QString &lineId, const QString &description)
{
    if (description.trimmed().isEmpty()) {
        emit actionFailed(tr("A line needs a description."));
        return;
    }
    act("PATCH", QStringLiteral("/api/v1/billing/invoices/") + m_id,
        QJsonObject{{"version", m_invoice.value("version")},
                    {"lines", QJsonArray{QJsonObject{{"id", lineId},
                                                     {"description", description.trimmed()}}}}},
        tr("Description saved."));
}

void InvoiceDetail::setShowTimeDetail(bool show)
{
    if (show == m_invoice.value("show_time_detail").toBool())
        return;
    act("PATCH", QStringLiteral("/api/v1/billing/invoices/") + m_id,
        QJsonObject{{"version", m_invoice.value("version")}, {"show_time_detail", show}},
        show ? tr("The PDF lists the time entries behind the invoice.")
             : tr("The PDF shows the invoice lines only."));
}

void InvoiceDetail::holdLine(const QString &lineId)
{
    const QJsonObject l = line(rowOfLine(lineId));
    act("POST", QStringLiteral("/api/v1/billing/invoices/%1/lines/%2/hold").arg(m_id, lineId), {},
        tr("Line %1 is held: what it billed goes to the next billing run.")
            .arg(l.value("line_no").toInt()));
}

QString InvoiceDetail::checkWriteDown(const QString &lineId, const QString &amount,
                                      const QString &reason) const
{
    const QJsonObject l = line(rowOfLine(lineId));
    if (l.isEmpty())
        return tr("Pick the line to write down.");
    const QString currency = m_invoice.value("currency").toString();
    const auto wanted = Money::parse(amount.trimmed(), currency);
    if (!wanted)
        return tr("Enter the write-down as an amount in %1 with at most 2 decimals, e.g. 150.00.")
            .arg(currency);
    if (wanted->isNegative() || wanted->isZero())
        return tr("A write-down is more than zero.");
    const QJsonValue g = l.value("gross_amount");
    const Money gross = g.isObject() ? sales::moneyFromJsonValue(g)
                                     : Money::parse(g.toString(), currency).valueOr(Money());
    if (gross.isValid() && wanted->minorUnits() > gross.minorUnits())
        return tr("A write-down cannot be more than the line's %1.").arg(sales::formatMoney(gross));
    if (reason.trimmed().isEmpty())
        return tr("Say why the line is written down; the approver reads it.");
    return {};
}

void InvoiceDetail::writeDown(const QString &lineId, const QString &amount, const QString &reason)
{
    const QString problem = checkWriteDown(lineId, amount, reason);
    if (!problem.isEmpty()) {
        emit actionFailed(problem);
        return;
    }
    const QJsonObject l = line(rowOfLine(lineId));
    const QString currency = m_invoice.value("currency").toString();
    const Money m = *Money::parse(amount.trimmed(), currency);
    act("POST", QStringLiteral("/api/v1/billing/invoices/%1/lines/%2/write-down").arg(m_id, lineId),
        QJsonObject{{"amount", QJsonObject{{"amount", m.toString()}, {"currency", currency}}},
                    {"reason", reason.trimmed()}},
        tr("Write-down of %1 on line %2 sent for approval.")
            .arg(sales::formatMoney(m))
            .arg(l.value("line_no").toInt()));
}

void InvoiceDetail::approve()
{
    act("POST", QStringLiteral("/api/v1/billing/invoices/%1/approve").arg(m_id), {},
        tr("Invoice sent for approval."));
}

void InvoiceDetail::issue()
{
    act("POST", QStringLiteral("/api/v1/billing/invoices/%1/issue").arg(m_id), {},
        tr("Invoice issued."));
}

bool InvoiceDetail::canCredit() const
{
    return billing::canCredit(m_invoice);
}

void InvoiceDetail::loadCredits()
{
    m_creditedByLine.clear();
    m_creditsKnown = canCreditInFull(m_invoice) || !billing::canCredit(m_invoice);
    if (m_creditsKnown || !m_api)
        return;
    // Paid or credited in part: the invoice's credit notes say what each line has left. They
    // are among the client's credit notes (few), each read with its lines.
    const int generation = m_generation;
    const QString id = m_id;
    ApiReply *r = m_api->get(
        QStringLiteral("/api/v1/billing/invoices?kind=credit_note&limit=500&legal_entity_id=%1"
                       "&account_id=%2")
            .arg(idText(m_invoice.value("legal_entity_id")),
                 idText(m_invoice.value("account_id"))));
    connect(r, &ApiReply::finished, this, [this, r, generation, id] {
        if (generation != m_generation)
            return;
        QStringList notes;
        if (r->ok())
            for (const QJsonValue &v : r->object().value("items").toArray())
                if (idText(v.toObject().value("credits_invoice_id")) == id)
                    notes.append(idText(v.toObject().value("id")));
        auto pending = std::make_shared<int>(int(notes.size()));
        const QString currency = m_invoice.value("currency").toString();
        const auto done = [this] {
            m_creditsKnown = true;
            emit creditsLoaded();
        };
        if (notes.isEmpty())
            done();
        for (const QString &note : notes) {
            ApiReply *n = m_api->get(QStringLiteral("/api/v1/billing/invoices/") + note);
            connect(n, &ApiReply::finished, this, [this, n, generation, pending, currency, done] {
                if (generation != m_generation)
                    return;
                for (const QJsonValue &v : n->object().value("lines").toArray()) {
                    const QJsonObject l = v.toObject();
                    const int no = l.value("line_no").toInt();
                    const Money sofar =
                        Money::parse(m_creditedByLine.value(no, QStringLiteral("0")), currency)
                            .valueOr(Money());
                    const Money more = lineAmount(l, currency);
                    if (sofar.isValid() && more.isValid())
                        m_creditedByLine.insert(no, sofar.add(more).valueOr(sofar).toString());
                }
                if (--*pending == 0)
                    done();
            });
        }
    });
}

QJsonObject InvoiceDetail::invoiceForCredit() const
{
    QJsonObject out = m_invoice;
    const QString currency = m_invoice.value("currency").toString();
    QJsonArray lines;
    for (const QJsonValue &v : m_invoice.value("lines").toArray()) {
        QJsonObject l = v.toObject();
        const Money amount = lineAmount(l, currency);
        const Money credited =
            Money::parse(m_creditedByLine.value(l.value("line_no").toInt(), QStringLiteral("0")),
                         currency)
                .valueOr(Money());
        if (amount.isValid() && credited.isValid())
            l.insert("left_to_credit",
                     QJsonObject{{"amount", amount.subtract(credited).valueOr(amount).toString()},
                                 {"currency", currency}});
        lines.append(l);
    }
    out.insert("lines", lines);
    return out;
}

void InvoiceDetail::creditNote(const CreditNoteRequest &request)
{
    if (!m_api || m_id.isEmpty() || m_busy)
        return;
    const CreditNoteFigures figures = creditNoteFigures(m_invoice, request);
    if (!figures.problem.isEmpty()) {
        emit actionFailed(figures.problem);
        return;
    }
    setBusy(true);
    const QString id = m_id;
    ApiReply *r =
        m_api->send("POST", QStringLiteral("/api/v1/billing/invoices/%1/credit-note").arg(id),
                    creditNoteBody(m_invoice, request));
    connect(r, &ApiReply::finished, this, [this, r, id] {
        setBusy(false);
        if (!r->ok()) {
            emit actionFailed(humanMessage(r->problem()));
            if (r->status() == 412 || r->status() == 409)
                reload();
            return;
        }
        if (id != m_id) { // another invoice was picked meanwhile
            m_lastCreditNote = r->object();
            emit creditNoteIssued(m_lastCreditNote);
            emit changed(id, creditNoteMessage(m_lastCreditNote));
            return;
        }
        // The new status and balance are the invoice's: said once it is read again.
        m_pendingCredit = r->object();
        reload();
    });
}

QString InvoiceDetail::creditNoteMessage(const QJsonObject &note) const
{
    const QString number = note.value("number").toString();
    const QString total = moneyText(note.value("total"));
    QString text;
    if (idText(note.value("credits_invoice_id")) == m_id && !m_invoice.isEmpty())
        text = tr("Credit note %1 issued for %2: %3 is now %4, balance %5.")
                   .arg(number, total, invoiceLabel(m_invoice), invoiceStatusText(m_invoice),
                        moneyText(m_invoice.value("balance")));
    else
        text = tr("Credit note %1 issued for %2; the invoice is now %3.")
                   .arg(number, total, invoiceStatusText(note.value("invoice_status").toString()));
    const int released = note.value("released_sources").toInt();
    if (released > 0)
        text += u' ' + (released == 1
                            ? tr("1 billed record goes to the next billing run.")
                            : tr("%1 billed records go to the next billing run.").arg(released));
    return text;
}

void InvoiceDetail::act(const QByteArray &method, const QString &path, const QJsonObject &body,
                        const QString &doneMessage)
{
    if (!m_api || m_id.isEmpty() || m_busy)
        return;
    setBusy(true);
    const QString id = m_id;
    ApiReply *r = m_api->send(method, path, body);
    connect(r, &ApiReply::finished, this, [this, r, id, doneMessage] {
        setBusy(false);
        if (!r->ok()) {
            emit actionFailed(humanMessage(r->problem()));
            if (r->status() == 412 || r->status() == 409)
                reload(); // someone else moved it on; show what is there now
            return;
        }
        emit changed(id, doneMessage);
        if (id == m_id)
            reload();
    });
}

void InvoiceDetail::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged(busy);
}

} // namespace keel::billing
