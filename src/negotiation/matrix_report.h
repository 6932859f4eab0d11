// Matrices of the negotiation as reports: the positions matrix (actors × subjects, each cell a
// stance) and the agreement matrix (actors × actors), as text for a terminal, CSV for a
// spreadsheet, and one standalone HTML heatmap page (compare/html_page.h) with actors ordered
// by cluster so blocs show as squares. Every cell carries a letter or number as well as a
// colour. Pure; thread-safe.
#ifndef TREATYWATCH_NEGOTIATION_MATRIX_REPORT_H_
#define TREATYWATCH_NEGOTIATION_MATRIX_REPORT_H_

#include <string>
#include <vector>

#include "negotiation/actor_registry.h"
#include "negotiation/coalitions.h"

namespace tw::negotiation {

// `order`: actor ids in display order (a clustering's leaf order); actors not in it follow.
std::string RenderPositionsText(const StanceMatrix& stances, const std::vector<std::string>& order,
                                const ActorRegistry& actors);
std::string RenderPositionsCsv(const StanceMatrix& stances, const std::vector<std::string>& order,
                               const ActorRegistry& actors);
std::string RenderPositionsHtml(const StanceMatrix& stances, const Clustering& clustering,
                                const ActorRegistry& actors);

std::string RenderCoalitionsText(const AgreementMatrix& agreement, const Clustering& clustering,
                                 const ActorRegistry& actors);
std::string RenderAgreementCsv(const AgreementMatrix& agreement, const Clustering& clustering,
                               const ActorRegistry& actors);
std::string RenderCoalitionsHtml(const AgreementMatrix& agreement, const Clustering& clustering,
                                 const ActorRegistry& actors);

}  // namespace tw::negotiation

#endif  // TREATYWATCH_NEGOTIATION_MATRIX_REPORT_H_
