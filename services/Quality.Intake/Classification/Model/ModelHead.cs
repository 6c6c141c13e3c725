using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Quality.Intake.Classification.Model;

/// <summary>
/// One trained multiclass predictor (kind, or category) with its labels in score order. ML.NET's prediction
/// engines are not thread-safe, so requests borrow one from a pool instead of sharing or rebuilding it.
/// </summary>
public sealed class ModelHead
{
    private readonly ObjectPool<PredictionEngine<ModelInput, ModelOutput>> _engines;

    public ModelHead(MLContext ml, ITransformer transformer, DataViewSchema inputSchema)
    {
        Transformer = transformer;
        InputSchema = inputSchema;
        var scoreColumn = transformer.GetOutputSchema(inputSchema)[nameof(ModelOutput.Score)];
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        scoreColumn.GetSlotNames(ref names);
        Labels = names.DenseValues().Select(n => n.ToString()).ToArray();
        _engines = new DefaultObjectPoolProvider().Create(new EnginePolicy(ml, transformer));
    }

    public ITransformer Transformer { get; }

    public DataViewSchema InputSchema { get; }

    /// <summary>The labels the head knows, in the order of <see cref="ModelOutput.Score"/>.</summary>
    public IReadOnlyList<string> Labels { get; }

    public HeadPrediction Predict(ModelInput input)
    {
        var engine = _engines.Get();
        try
        {
            var output = engine.Predict(input);
            return new HeadPrediction(output.PredictedLabel, Labels, output.Score);
        }
        finally
        {
            _engines.Return(engine);
        }
    }

    private sealed class EnginePolicy(MLContext ml, ITransformer transformer) : PooledObjectPolicy<PredictionEngine<ModelInput, ModelOutput>>
    {
        public override PredictionEngine<ModelInput, ModelOutput> Create() => ml.Model.CreatePredictionEngine<ModelInput, ModelOutput>(transformer);

        public override bool Return(PredictionEngine<ModelInput, ModelOutput> engine) => true;
    }
}
