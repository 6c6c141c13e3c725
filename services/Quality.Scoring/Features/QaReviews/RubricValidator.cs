using Quality.ServiceDefaults.Errors;

namespace Quality.Scoring.Features.QaReviews;

/// <summary>Checks a new rubric, reporting every bad field at once.</summary>
public static class RubricValidator
{
    public const int MaxCriteria = 50;
    public const int MaxCriterionScore = 100;

    /// <summary>Weights are decimals typed by people: 0.1 + 0.2 + 0.7 must count as 1.</summary>
    public const double WeightTolerance = 1e-6;

    public static Rubric Validate(CreateRubricRequest request, string createdBy, DateTimeOffset now)
    {
        var errors = new Dictionary<string, List<string>>();
        void Fail(string field, string error) => (errors.TryGetValue(field, out var list) ? list : errors[field] = []).Add(error);

        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 200)
        {
            Fail("name", "is required, at most 200 characters");
        }

        var criteria = new List<RubricCriterion>();
        if (request.Criteria is not { Count: > 0 and <= MaxCriteria })
        {
            Fail("criteria", $"give 1 to {MaxCriteria} criteria");
        }
        else
        {
            for (var i = 0; i < request.Criteria.Count; i++)
            {
                var c = request.Criteria[i];
                var field = $"criteria[{i}]";
                var key = c.Key?.Trim() ?? "";
                if (key.Length is 0 or > 60)
                {
                    Fail($"{field}.key", "is required, at most 60 characters");
                }
                else if (criteria.Any(k => k.Key == key))
                {
                    Fail($"{field}.key", $"'{key}' is used twice");
                }

                var criterionName = string.IsNullOrWhiteSpace(c.Name) ? key : c.Name.Trim();
                if (criterionName.Length > 200)
                {
                    Fail($"{field}.name", "at most 200 characters");
                }

                if (c.Weight is not { } weight || !double.IsFinite(weight) || weight <= 0 || weight > 1)
                {
                    Fail($"{field}.weight", "is required, more than 0 and at most 1");
                }

                if (c.MaxScore is not (>= 1 and <= MaxCriterionScore))
                {
                    Fail($"{field}.maxScore", $"is required, 1 to {MaxCriterionScore}");
                }

                var critical = c.Critical ?? false;
                int? pass = null;
                if (!critical && c.PassScore is not null)
                {
                    Fail($"{field}.passScore", "only critical criteria have a pass score");
                }
                else if (critical && c.MaxScore is { } max)
                {
                    pass = c.PassScore ?? max;
                    if (pass < 1 || pass > max)
                    {
                        Fail($"{field}.passScore", $"must be 1 to the max score {max}");
                    }
                }

                criteria.Add(new RubricCriterion
                {
                    Key = key, Name = criterionName, Weight = c.Weight ?? 0, MaxScore = c.MaxScore ?? 0, Critical = critical, PassScore = pass,
                });
            }

            var sum = request.Criteria.Sum(c => c.Weight ?? 0);
            if (request.Criteria.All(c => c.Weight is > 0) && Math.Abs(sum - 1) > WeightTolerance)
            {
                Fail("criteria", $"weights must sum to 1, not {sum:0.######}");
            }
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }

        return new Rubric { Id = Guid.CreateVersion7(), Name = name, Criteria = criteria, CreatedBy = createdBy, CreatedAt = now };
    }
}
