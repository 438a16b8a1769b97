#include "close_lights.h"

#include "close_checklist_model.h"
#include "close_grid_model.h"
#include "close_text.h"

#include <QApplication>
#include <QPainter>

namespace keel::closing {

namespace {
QColor tint(const QString &signal)
{
    if (signal == QLatin1String("red"))
        return QColor(0xFD, 0xEC, 0xEA);
    if (signal == QLatin1String("amber"))
        return QColor(0xFE, 0xF4, 0xE2);
    if (signal == QLatin1String("green"))
        return QColor(0xE7, 0xF6, 0xEE);
    return QColor(0xEE, 0xF1, 0xF5); // closed, or nothing known
}
} // namespace

QColor lightColour(const QString &signal)
{
    if (signal == QLatin1String("red"))
        return QColor(0xC4, 0x32, 0x2B);
    if (signal == QLatin1String("amber"))
        return QColor(0xD9, 0x82, 0x0B);
    if (signal == QLatin1String("green"))
        return QColor(0x1F, 0x8A, 0x55);
    return QColor(0x5B, 0x65, 0x76);
}

QString lightMark(const QString &signal)
{
    if (signal == QLatin1String("red"))
        return QStringLiteral("\u2716");
    if (signal == QLatin1String("amber"))
        return QStringLiteral("\u25B2");
    return QStringLiteral("\u2714");
}

void CloseCellDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    const QString signal = index.data(CloseGridModel::SignalRole).toString();
    const QString status = index.data(CloseGridModel::StatusRole).toString();
    const int red = index.data(CloseGridModel::RedRole).toInt();
    const int amber = index.data(CloseGridModel::AmberRole).toInt();
    const bool selected = option.state & QStyle::State_Selected;

    painter->save();
    const QRect r = option.rect.adjusted(3, 3, -3, -3);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(selected ? QPen(QColor(0x13, 0x29, 0x4B), 2) : QPen(QColor(0xD9, 0xDE, 0xE5)));
    painter->setBrush(tint(signal));
    painter->drawRoundedRect(r, 5, 5);
    // A strong bar on the left: the light at a glance.
    painter->setPen(Qt::NoPen);
    painter->setBrush(lightColour(signal));
    painter->drawRoundedRect(QRect(r.left() + 1, r.top() + 1, 5, r.height() - 1), 2, 2);

    const QRect text = r.adjusted(14, 4, -6, -4);
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(lightColour(signal));
    const QString head = signal.isEmpty() ? periodStatusText(QStringLiteral("open"))
                                          : lightMark(signal) + u' ' + periodStatusText(status);
    painter->drawText(text, Qt::AlignLeft | Qt::AlignTop, head);

    QStringList counts;
    if (status != QLatin1String("hard_closed") && !signal.isEmpty()) {
        if (red > 0)
            counts.append(CloseGridModel::tr("%1 red").arg(red));
        if (amber > 0)
            counts.append(CloseGridModel::tr("%1 amber").arg(amber));
        if (counts.isEmpty())
            counts.append(CloseGridModel::tr("all green"));
    }
    painter->setFont(option.font);
    painter->setPen(QColor(0x3B, 0x46, 0x56));
    painter->drawText(text, Qt::AlignLeft | Qt::AlignBottom, counts.join(QStringLiteral(" · ")));
    painter->restore();
}

QSize CloseCellDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics fm(option.font);
    return {fm.horizontalAdvance(QStringLiteral("\u2716 Soft-closed · 99 amber")) + 24,
            fm.height() * 2 + 18};
}

void CloseLightDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    const bool signedOff = index.data(CloseChecklistModel::SignedOffRole).toBool();
    QString signal = index.data(CloseChecklistModel::StateRole).toString();
    if (signedOff && signal != QLatin1String("red"))
        signal = QStringLiteral("green");
    QStyleOptionViewItem plain = option;
    initStyleOption(&plain, index);
    plain.text.clear();
    QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &plain, painter, plain.widget);

    const QString text = lightMark(signal) + u' ' + index.data().toString();
    QFont bold = option.font;
    bold.setBold(true);
    const QFontMetrics fm(bold);
    const int w = fm.horizontalAdvance(text) + 20;
    const int h = fm.height() + 6;
    const QRect pill(option.rect.left() + 6, option.rect.center().y() - h / 2 + 1, w, h);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(lightColour(signal));
    painter->drawRoundedRect(pill, h / 2.0, h / 2.0);
    painter->setFont(bold);
    painter->setPen(Qt::white);
    painter->drawText(pill, Qt::AlignCenter, text);
    painter->restore();
}

} // namespace keel::closing
