// BuildStanceMatrix (coalitions.h): the latest position per (actor, subject). Positions are
// numbered by actor and subject through hash maps in one pass (tens of thousands of positions
// for a full membership), and only the distinct names are sorted.
#include <algorithm>
#include <numeric>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "negotiation/coalitions.h"

namespace tw::negotiation {
namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// Numbers names in first-seen order; Sorted() gives the names in id order and each number's rank.
class NameNumbering {
 public:
  std::size_t Number(std::string_view name) {
    auto [found, inserted] = numbers_.try_emplace(name, names_.size());
    if (inserted) names_.push_back(name);
    return found->second;
  }
  std::size_t size() const { return names_.size(); }

  // Fills `sorted` with the names in order and returns rank[number].
  std::vector<std::size_t> Sorted(std::vector<std::string>& sorted) const {
    std::vector<std::size_t> by_name(names_.size());
    std::iota(by_name.begin(), by_name.end(), std::size_t{0});
    std::sort(by_name.begin(), by_name.end(),
              [&](std::size_t a, std::size_t b) { return names_[a] < names_[b]; });
    std::vector<std::size_t> rank(names_.size());
    sorted.clear();
    sorted.reserve(names_.size());
    for (std::size_t r = 0; r < by_name.size(); ++r) {
      rank[by_name[r]] = r;
      sorted.emplace_back(names_[by_name[r]]);
    }
    return rank;
  }

 private:
  std::unordered_map<std::string_view, std::size_t> numbers_;
  std::vector<std::string_view> names_;
};

}  // namespace

StanceMatrix BuildStanceMatrix(const std::vector<Position>& positions, std::string_view as_of) {
  NameNumbering actors;
  NameNumbering subjects;
  struct Cell {
    std::size_t actor;
    std::size_t subject;
  };
  std::vector<Cell> cell_of(positions.size(), {kNone, kNone});
  for (std::size_t i = 0; i < positions.size(); ++i) {
    const Position& position = positions[i];
    // Dates are YYYY-MM-DD, so text order is date order.
    if (!as_of.empty() && std::string_view(position.date) > as_of) continue;
    cell_of[i] = {actors.Number(position.actor), subjects.Number(position.subject)};
  }

  StanceMatrix matrix;
  const std::vector<std::size_t> actor_rank = actors.Sorted(matrix.actors);
  const std::vector<std::size_t> subject_rank = subjects.Sorted(matrix.subjects);
  const std::size_t width = matrix.subjects.size();
  // The winning position per cell: latest date, then highest id, then latest in the input.
  std::vector<std::size_t> latest(matrix.actors.size() * width, kNone);
  for (std::size_t i = 0; i < positions.size(); ++i) {
    if (cell_of[i].actor == kNone) continue;
    std::size_t& winner =
        latest[actor_rank[cell_of[i].actor] * width + subject_rank[cell_of[i].subject]];
    if (winner != kNone) {
      const Position& held = positions[winner];
      const Position& next = positions[i];
      if (std::tie(next.date, next.id) < std::tie(held.date, held.id)) continue;
    }
    winner = i;
  }
  matrix.cells.resize(latest.size());
  for (std::size_t c = 0; c < latest.size(); ++c) {
    if (latest[c] != kNone) matrix.cells[c] = positions[latest[c]].stance;
  }
  return matrix;
}

}  // namespace tw::negotiation
